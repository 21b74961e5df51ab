-- Production reports for the ERP, written in the same transaction as the state change that causes them and sent
-- by the dispatcher afterwards: an ERP outage delays them but never loses them. report_id is what the ERP
-- deduplicates on, so a report sent twice (a lost answer, a retry) is booked once.
create table erp_report_outbox (
    report_id       varchar(100) primary key,
    order_id        bigint       not null references production_order (id),
    order_code      varchar(40)  not null,
    step_sequence   integer,
    payload         text         not null,
    status          varchar(20)  not null default 'PENDING' check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      varchar(500),
    created_at      timestamptz  not null default now(),
    delivered_at    timestamptz
);
create index erp_report_outbox_due_idx on erp_report_outbox (next_attempt_at) where status = 'PENDING';
create index erp_report_outbox_status_idx on erp_report_outbox (status, created_at);
