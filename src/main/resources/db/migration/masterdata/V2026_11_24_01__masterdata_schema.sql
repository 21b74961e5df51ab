-- Master data: the plant's catalogue. Owned by the masterdata module.
-- Quantities are exact: numeric with a fixed scale, never floating point.

create table item (
    id             bigint generated always as identity primary key,
    code           varchar(40)  not null,
    description    varchar(200) not null,
    type           varchar(20)  not null check (type in ('RAW_MATERIAL', 'COMPONENT', 'WIP', 'FINISHED_GOOD')),
    unit           varchar(10)  not null,
    product_family varchar(60),
    version        integer      not null default 0,
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now(),
    constraint item_code_uk unique (code),
    constraint item_code_not_blank check (length(trim(code)) > 0)
);

-- A bill of materials: what one unit of the parent is made of.
create table bom (
    id             bigint generated always as identity primary key,
    parent_item_id bigint      not null references item (id),
    version        integer     not null default 0,
    updated_at     timestamptz not null default now(),
    constraint bom_parent_uk unique (parent_item_id)
);

create table bom_line (
    bom_id            bigint         not null references bom (id) on delete cascade,
    bom_key           integer        not null,
    component_item_id bigint         not null references item (id),
    quantity_per      numeric(14, 4) not null check (quantity_per > 0),
    primary key (bom_id, bom_key),
    constraint bom_line_component_uk unique (bom_id, component_item_id)
);

-- The seven processes of the RENAR routing (Optimizer .. Packaging).
create table process_step (
    id       bigint generated always as identity primary key,
    code     varchar(30)  not null,
    name     varchar(100) not null,
    sequence integer      not null check (sequence > 0),
    version  integer      not null default 0,
    constraint process_step_code_uk unique (code),
    constraint process_step_sequence_uk unique (sequence)
);

create table workcenter (
    id         bigint generated always as identity primary key,
    code       varchar(30)  not null,
    name       varchar(100) not null,
    type       varchar(20)  not null check (type in ('OPTIMIZER', 'PRE_CUT', 'CNC', 'FINISHING', 'ASSEMBLY',
                                                     'PAINTING', 'PACKAGING', 'PRESS', 'CALIBRATOR', 'BRUSH')),
    department varchar(60)  not null,
    enabled    boolean      not null default true,
    capacity   integer      not null default 1 check (capacity >= 1),
    version    integer      not null default 0,
    created_at timestamptz  not null default now(),
    updated_at timestamptz  not null default now(),
    constraint workcenter_code_uk unique (code)
);

-- A routing: per item and version, the ordered steps. At most one active version per item.
create table routing (
    id              bigint generated always as identity primary key,
    item_id         bigint      not null references item (id),
    routing_version integer     not null check (routing_version > 0),
    active          boolean     not null default true,
    version         integer     not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    constraint routing_item_version_uk unique (item_id, routing_version)
);
create unique index routing_one_active_per_item on routing (item_id) where active;

create table routing_step (
    routing_id       bigint         not null references routing (id) on delete cascade,
    routing_key      integer        not null,
    sequence         integer        not null check (sequence > 0),
    process_step_id  bigint         not null references process_step (id),
    workcenter_id    bigint         not null references workcenter (id),
    setup_minutes    numeric(8, 2)  not null check (setup_minutes >= 0),
    standard_seconds numeric(10, 3) not null check (standard_seconds > 0),
    primary key (routing_id, routing_key),
    constraint routing_step_sequence_uk unique (routing_id, sequence)
);

create table reason_code (
    id          bigint generated always as identity primary key,
    code        varchar(30)  not null,
    description varchar(200) not null,
    kind        varchar(20)  not null check (kind in ('SCRAP', 'REWORK', 'DOWNTIME_PLANNED', 'DOWNTIME_UNPLANNED')),
    active      boolean      not null default true,
    version     integer      not null default 0,
    constraint reason_code_code_uk unique (code)
);

-- The process steps a reason code applies to (none = applies to every step).
create table reason_code_step (
    reason_code_id  bigint not null references reason_code (id) on delete cascade,
    process_step_id bigint not null references process_step (id),
    primary key (reason_code_id, process_step_id)
);

-- Working hours: per workcenter or per department, ISO weekday (1 = Monday), shift number.
-- end_time <= start_time means the shift ends on the next day.
create table shift_pattern (
    id            bigint generated always as identity primary key,
    workcenter_id bigint references workcenter (id),
    department    varchar(60),
    weekday       smallint not null check (weekday between 1 and 7),
    shift_number  smallint not null check (shift_number between 1 and 9),
    start_time    time     not null,
    end_time      time     not null,
    version       integer  not null default 0,
    constraint shift_pattern_scope check ((workcenter_id is null) <> (department is null))
);
create unique index shift_pattern_workcenter_uk on shift_pattern (workcenter_id, weekday, shift_number)
    where workcenter_id is not null;
create unique index shift_pattern_department_uk on shift_pattern (department, weekday, shift_number)
    where department is not null;

create table shift_break (
    shift_pattern_id bigint       not null references shift_pattern (id) on delete cascade,
    shift_key        integer      not null,
    start_time       time         not null,
    end_time         time         not null,
    description      varchar(100),
    primary key (shift_pattern_id, shift_key)
);

-- People who log in: operators, supervisors, planners, managers.
create table app_user (
    id            bigint generated always as identity primary key,
    username      varchar(60)  not null,
    badge         varchar(40),
    display_name  varchar(120) not null,
    role          varchar(20)  not null check (role in ('OPERATOR', 'SUPERVISOR', 'PCP', 'MANAGER')),
    password_hash varchar(200) not null,
    active        boolean      not null default true,
    version       integer      not null default 0,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now()
);
create unique index app_user_username_uk on app_user (lower(username));
create unique index app_user_badge_uk on app_user (badge) where badge is not null;

-- Demo data sets already loaded (so a restart never loads one twice).
create table demo_data_load (
    name      varchar(60) primary key,
    loaded_at timestamptz not null default now()
);
