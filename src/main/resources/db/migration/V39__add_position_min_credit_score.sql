-- The volunteer credit score (志愿信用) a position asks for at sign-up; NULL: none.
ALTER TABLE activity_position ADD COLUMN min_credit_score INT;
