-- The audit log names its actor in columns (name, token, role) and the request that made the change,
-- so GET /api/v1/audit can filter by actor and answer AuditEntry as openapi.yaml describes it.
ALTER TABLE audit_event ADD COLUMN actor_name VARCHAR(100);
ALTER TABLE audit_event ADD COLUMN actor_token_id BIGINT;
ALTER TABLE audit_event ADD COLUMN actor_role VARCHAR(16);
ALTER TABLE audit_event ADD COLUMN request_id VARCHAR(36);
UPDATE audit_event SET actor_name = actor WHERE actor_name IS NULL;
CREATE INDEX audit_event_by_actor ON audit_event (actor_name, id);
CREATE INDEX audit_event_by_action ON audit_event (action, id);

-- Token administration (/api/v1/tokens): a recognisable prefix, expiry, revocation with who and why,
-- and the record members every stored record carries (version for If-Match).
ALTER TABLE api_token ADD COLUMN prefix VARCHAR(8);
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN revoked_by VARCHAR(100);
ALTER TABLE api_token ADD COLUMN revoke_reason VARCHAR(500);
ALTER TABLE api_token ADD COLUMN version BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE api_token ADD COLUMN created_by VARCHAR(100);
ALTER TABLE api_token ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN updated_by VARCHAR(100);
-- Tokens issued before this change: their secret is not kept, so their prefix cannot be shown.
UPDATE api_token SET prefix = 'spc_----' WHERE prefix IS NULL;
UPDATE api_token SET created_by = 'sandbox' WHERE created_by IS NULL;
UPDATE api_token SET updated_at = COALESCE(revoked_at, created_at) WHERE updated_at IS NULL;
UPDATE api_token SET updated_by = 'sandbox' WHERE updated_by IS NULL;
CREATE INDEX api_token_by_role ON api_token (role, id);
