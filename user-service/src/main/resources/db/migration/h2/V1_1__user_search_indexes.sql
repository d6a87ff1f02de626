-- H2 has no trigram indexes; the embedded mode serves small communities and scans.
create index accounts_display_name on accounts (display_name);
