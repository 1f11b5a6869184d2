-- Certificates keyed by the volunteer (docs/scale-out.md): on a Citus cluster a
-- certificate, its file and the records it names live on the volunteer's shard, beside the
-- records, and the files are spread over the workers instead of kept on the coordinator.
--
-- A certificate's number is unique across the platform, which a table keyed by the
-- volunteer cannot check: each number is claimed in a table of its own, keyed by the
-- number, which also finds the volunteer a number belongs to (a verification by number).
CREATE TABLE certificate_number (
    number       VARCHAR(24) NOT NULL PRIMARY KEY,
    volunteer_id UUID        NOT NULL REFERENCES volunteer (id)
);

INSERT INTO certificate_number (number, volunteer_id) SELECT number, volunteer_id FROM certificate;

-- the records a certificate names, beside its volunteer
ALTER TABLE certificate_record ADD COLUMN volunteer_id UUID;
UPDATE certificate_record SET volunteer_id = (SELECT c.volunteer_id FROM certificate c
                                              WHERE c.id = certificate_record.certificate_id);
ALTER TABLE certificate_record ALTER COLUMN volunteer_id SET NOT NULL;

-- an Idempotency-Key names one certificate of one volunteer by one issuer
ALTER TABLE certificate DROP CONSTRAINT certificate_idempotency_uk;
ALTER TABLE certificate ADD CONSTRAINT certificate_idempotency_uk UNIQUE (volunteer_id, issued_by, idempotency_key);
