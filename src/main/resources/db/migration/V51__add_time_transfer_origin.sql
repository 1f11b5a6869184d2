-- Time-bank hours that travel between installations with the transfer package (issue 18).
-- Hours a volunteer moves out leave their account here once, into their region's
-- TRANSFERRED_OUT account (kept on its row like the donation pool, never below zero); hours
-- credited from another installation's package come once from the region's TRANSFERRED_IN
-- account (like ISSUANCE a sum of entries, minus all hours credited in, so the audit exempts
-- it from the check for balances below zero). origin and origin_transfer_id name the move at
-- the installation that signed the package: a package imported again credits nothing.
ALTER TABLE time_transfer ADD COLUMN origin VARCHAR(300);
ALTER TABLE time_transfer ADD COLUMN origin_transfer_id VARCHAR(100);

CREATE UNIQUE INDEX time_transfer_origin_ux ON time_transfer (origin, origin_transfer_id);
