-- What a training scenario injected, as a field rather than a label in text (#18): the scenario's
-- name on a message it failed and on a component transition it made; and the migration components a
-- scenario holds blocked, with the state each goes back to when the scenario's step ends.
-- Runs unchanged on H2 2.x and PostgreSQL 14+ (on PostgreSQL the column reaches every partition).

ALTER TABLE message ADD COLUMN injected VARCHAR(80);
ALTER TABLE component_transition ADD COLUMN injected VARCHAR(80);

CREATE TABLE scenario_block (
    component_code VARCHAR(20)   PRIMARY KEY REFERENCES component (code),
    scenario       VARCHAR(80)   NOT NULL,
    previous_state VARCHAR(20)   NOT NULL,
    blocked_by     VARCHAR(100)  NOT NULL,
    blocked_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
