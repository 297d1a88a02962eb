-- Redelivery lineage (issue 11): a job reports the messages it skipped because an earlier copy is in flight
-- or was delivered, naming that copy; a job can run a finished dry run's selection for real (once); and a
-- job left running by a stopped server resumes under the person who started it, so it keeps their token and
-- role as well as their name.
ALTER TABLE redelivery_job ADD COLUMN already_redelivered INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE redelivery_job ADD COLUMN from_dry_run UUID;
ALTER TABLE redelivery_job ADD COLUMN created_by_token BIGINT;
ALTER TABLE redelivery_job ADD COLUMN created_by_role VARCHAR(16);
CREATE INDEX redelivery_job_by_dry_run ON redelivery_job (from_dry_run, created_at);
ALTER TABLE redelivery_job_item ADD COLUMN earlier_copy_id UUID;
ALTER TABLE redelivery_job_item ADD COLUMN earlier_copy_of UUID;
ALTER TABLE redelivery_job_item ADD COLUMN earlier_copy_status VARCHAR(32);
ALTER TABLE redelivery_job_item ADD COLUMN earlier_copy_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE redelivery_job_item ADD COLUMN earlier_copy_job UUID;
