-- Dead letters an operator discarded (issue 12): who, when and why. A discarded message keeps its row and its
-- history (a timeline event names the discard), leaves the dead-letter list and cannot be redelivered.
CREATE TABLE dead_letter_discard (
    message_id   UUID PRIMARY KEY,
    discarded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    discarded_by VARCHAR(200) NOT NULL,
    reason       VARCHAR(500) NOT NULL
);
