-- Portable SQL: runs on PostgreSQL and on H2 (MODE=PostgreSQL) alike.

-- Accounts user-service said were deleted: their tokens are refused here and anything written for
-- them (a write racing the deletion) is removed again.
create table deleted_accounts (
    user_id    bigint primary key,
    deleted_at timestamp with time zone not null
);
create index deleted_accounts_recent on deleted_accounts (deleted_at);
