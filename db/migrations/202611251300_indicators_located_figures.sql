-- Figure versions are keyed by subject, month, measure and version: one index instead of two. Every reader goes
-- by subject and months (settlement, an import's current versions, statements), and did so through a second
-- index; the key by figure id served only a figure's own page, yet an import wrote each row into it at a random
-- place (ids are hashes), the costliest part of committing a hundred thousand figures. A figure's id now begins
-- with its subject's first six bytes (modules/indicators/figure-identity.ts), so its page finds it through the
-- new key: the subjects whose ids begin so, then the id.

-- The id of a figure, as figureIdOf makes it: the subject's first six bytes, then ten of the SHA-256 of
-- "namespace:kind:subject:month:measure", with the version (8) and variant bits set.
create function indicators_figure_id(subject_kind text, subject_id uuid, month date, measure text) returns uuid
  language sql immutable strict parallel safe as $$
  select encode(set_byte(set_byte(id, 6, (get_byte(id, 6) & 15) | 128), 8, (get_byte(id, 8) & 63) | 128), 'hex')::uuid
  from (select substr(uuid_send(subject_id), 1, 6) || substr(sha256(convert_to('6f1d2c7e-94a3-4b0e-8f65-0c3a9e21d5b4:'
    || subject_kind || ':' || subject_id::text || ':' || to_char(month, 'YYYY-MM') || ':' || measure, 'UTF8')), 1, 10) as id) made
$$;

-- Figures recorded before keep their versions and values; only their ids change, to the new form (the audit
-- trail's entries written before this keep the ids of then, beside the subject, month and measure they name).
alter table indicators_figure_version disable trigger indicators_figure_version_append_only;
update indicators_figure_version set figure_id = indicators_figure_id(subject_kind, subject_id, month, measure);
alter table indicators_figure_version enable trigger indicators_figure_version_append_only;

alter table indicators_figure_version drop constraint indicators_figure_version_pkey;
drop index indicators_figure_version_subject;
alter table indicators_figure_version add constraint indicators_figure_version_pkey primary key (subject_id, month, measure, version);
-- What finding a figure by its id relies on.
alter table indicators_figure_version add constraint indicators_figure_version_located
  check (substr(uuid_send(figure_id), 1, 6) = substr(uuid_send(subject_id), 1, 6));

-- Rows an unfinished import has written in batches carry ids of the old form: they are let go, and the import
-- writes them again from its file when it resumes.
delete from indicators_import_batch;
update indicators_import set done = 0 where status not in ('committed', 'rejected');
