-- How many of an import's rows have been matched so far, for a progress bar while it is analysed.
alter table history_imports add column rows_done integer not null default 0;
update history_imports set rows_done = rows_total where state <> 'ANALYSING';
