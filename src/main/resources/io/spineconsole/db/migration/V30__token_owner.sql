-- The person answerable for a token (a name, an email address, or both): every change is then
-- attributed to a person, not only a token. Null for the tokens the server issues itself.
ALTER TABLE api_token ADD COLUMN owner VARCHAR(200);
