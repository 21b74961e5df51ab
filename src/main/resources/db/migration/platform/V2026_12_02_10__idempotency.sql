-- Idempotency keys of commands (Idempotency-Key header): the first answer per caller and key, replayed to
-- retries. Purged after mes.idempotency.retention (7 days by default). Scans keep theirs on the scan row.
create table idempotency_record (
    caller          varchar(60)  not null,
    idempotency_key varchar(100) not null,
    request_hash    varchar(64)  not null,
    response_status smallint,
    response_body   text,
    location        varchar(300),
    problem         boolean      not null default false,
    created_at      timestamptz  not null,
    primary key (caller, idempotency_key)
);
create index idempotency_record_created_idx on idempotency_record (created_at);
