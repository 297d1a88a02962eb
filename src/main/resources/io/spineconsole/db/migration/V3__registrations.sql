-- Registrations: the members the admin API serves that the baseline did not store (who changed a record,
-- the last lifecycle transition, SDS ids, reliability/actor details, endpoint UUIDs), ordered interaction
-- lists, and an index for every sort and filter the registration lists offer. Runs on H2 2.x and PostgreSQL.

ALTER TABLE organisation ADD COLUMN postcode VARCHAR(10);
ALTER TABLE organisation ADD COLUMN created_by VARCHAR(100) DEFAULT 'seed' NOT NULL;
ALTER TABLE organisation ADD COLUMN updated_by VARCHAR(100) DEFAULT 'seed' NOT NULL;
ALTER TABLE organisation ADD COLUMN last_action VARCHAR(16);
ALTER TABLE organisation ADD COLUMN last_from VARCHAR(16);
ALTER TABLE organisation ADD COLUMN last_to VARCHAR(16);
ALTER TABLE organisation ADD COLUMN last_reason VARCHAR(500);
ALTER TABLE organisation ADD COLUMN last_by VARCHAR(100);
ALTER TABLE organisation ADD COLUMN last_at TIMESTAMP WITH TIME ZONE;
-- Baseline seeds used kinds the contract does not know.
UPDATE organisation SET org_type = 'national-service' WHERE org_type IN ('spine', 'national-body');

ALTER TABLE accredited_system ALTER COLUMN name DROP NOT NULL;
ALTER TABLE accredited_system ADD COLUMN manufacturer_ods VARCHAR(9);
ALTER TABLE accredited_system ADD COLUMN product_version VARCHAR(50);
ALTER TABLE accredited_system ADD COLUMN party_key VARCHAR(19);
ALTER TABLE accredited_system ADD COLUMN sds_id VARCHAR(64);
ALTER TABLE accredited_system ADD COLUMN created_by VARCHAR(100) DEFAULT 'seed' NOT NULL;
ALTER TABLE accredited_system ADD COLUMN updated_by VARCHAR(100) DEFAULT 'seed' NOT NULL;
ALTER TABLE accredited_system ADD COLUMN last_action VARCHAR(16);
ALTER TABLE accredited_system ADD COLUMN last_from VARCHAR(16);
ALTER TABLE accredited_system ADD COLUMN last_to VARCHAR(16);
ALTER TABLE accredited_system ADD COLUMN last_reason VARCHAR(500);
ALTER TABLE accredited_system ADD COLUMN last_by VARCHAR(100);
ALTER TABLE accredited_system ADD COLUMN last_at TIMESTAMP WITH TIME ZONE;

CREATE TABLE system_interaction (
    asid            CHAR(12)     NOT NULL REFERENCES accredited_system (asid) ON DELETE CASCADE,
    position        INTEGER      NOT NULL,
    interaction_id  VARCHAR(200) NOT NULL,
    PRIMARY KEY (asid, position)
);
CREATE INDEX system_interaction_by_interaction ON system_interaction (interaction_id, asid);

-- Endpoints are addressed by a UUID in the API; the BIGINT id stays the internal key and keyset tie-breaker.
-- An endpoint belongs to an organisation; its accredited system (by party key) is optional.
ALTER TABLE mhs_endpoint ALTER COLUMN asid DROP NOT NULL;
ALTER TABLE mhs_endpoint ALTER COLUMN url SET DATA TYPE VARCHAR(2048);
ALTER TABLE mhs_endpoint ALTER COLUMN cert_subject SET DATA TYPE VARCHAR(500);
ALTER TABLE mhs_endpoint ADD COLUMN endpoint_uuid UUID;
ALTER TABLE mhs_endpoint ADD COLUMN name VARCHAR(200);
ALTER TABLE mhs_endpoint ADD COLUMN mhs_actor VARCHAR(16);
ALTER TABLE mhs_endpoint ADD COLUMN cert_issuer VARCHAR(500);
ALTER TABLE mhs_endpoint ADD COLUMN sds_id VARCHAR(64);
-- cert_not_after with "no certificate" sorted last, so keyset paging by expiry needs no NULL handling.
ALTER TABLE mhs_endpoint ADD COLUMN cert_expiry_key TIMESTAMP WITH TIME ZONE;
ALTER TABLE mhs_endpoint ADD COLUMN created_by VARCHAR(100) DEFAULT 'seed' NOT NULL;
ALTER TABLE mhs_endpoint ADD COLUMN updated_by VARCHAR(100) DEFAULT 'seed' NOT NULL;
ALTER TABLE mhs_endpoint ADD COLUMN last_action VARCHAR(16);
ALTER TABLE mhs_endpoint ADD COLUMN last_from VARCHAR(16);
ALTER TABLE mhs_endpoint ADD COLUMN last_to VARCHAR(16);
ALTER TABLE mhs_endpoint ADD COLUMN last_reason VARCHAR(500);
ALTER TABLE mhs_endpoint ADD COLUMN last_by VARCHAR(100);
ALTER TABLE mhs_endpoint ADD COLUMN last_at TIMESTAMP WITH TIME ZONE;
UPDATE mhs_endpoint SET cert_expiry_key = COALESCE(cert_not_after, TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00');
UPDATE mhs_endpoint SET sync_reply_mode = CASE WHEN retry_interval IS NULL THEN NULL ELSE 'msh-signals-only' END;

ALTER TABLE endpoint_interaction ALTER COLUMN interaction_id SET DATA TYPE VARCHAR(200);
ALTER TABLE endpoint_interaction ADD COLUMN position INTEGER DEFAULT 0 NOT NULL;

CREATE INDEX organisation_by_kind ON organisation (org_type, ods_code);
CREATE INDEX organisation_by_parent ON organisation (parent_ods, ods_code);
CREATE INDEX organisation_by_updated ON organisation (updated_at, ods_code);
CREATE INDEX accredited_system_by_status ON accredited_system (status, asid);
CREATE INDEX accredited_system_by_name ON accredited_system (name, asid);
CREATE INDEX accredited_system_by_updated ON accredited_system (updated_at, asid);
CREATE INDEX accredited_system_by_party_key ON accredited_system (party_key, asid);
CREATE UNIQUE INDEX mhs_endpoint_by_uuid ON mhs_endpoint (endpoint_uuid);
CREATE INDEX mhs_endpoint_by_updated ON mhs_endpoint (updated_at, id);
CREATE INDEX mhs_endpoint_by_expiry_key ON mhs_endpoint (cert_expiry_key, id);
CREATE INDEX mhs_endpoint_by_fqdn ON mhs_endpoint (fqdn, id);
CREATE INDEX mhs_endpoint_by_url ON mhs_endpoint (url, id);

-- The MHS interaction catalogue, mirrored from the classpath at start-up, so that the registration checks can
-- join against it (interaction unknown, interaction ↔ pattern mismatch) in one set-based query each.
CREATE TABLE interaction_catalogue (
    interaction_id    VARCHAR(200) PRIMARY KEY,
    messaging_pattern VARCHAR(20)  NOT NULL
);
