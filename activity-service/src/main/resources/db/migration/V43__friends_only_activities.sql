-- An activity may be for the actor's friends alone even when the actor shows the rest of their
-- activity to everyone: a list shown to friends only. Lists announced before this column
-- existed did not say who may see them; until they are shown again they count as friends-only.
alter table activities add column friends_only boolean not null default false;
update activities set friends_only = true where type = 'LISTED';
