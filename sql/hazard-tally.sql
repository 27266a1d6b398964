-- The hazard tally, written once in SQL (docs/scale-out.md): itemised hazards counted by
-- township × month × sector × level, with found, rectified and overdue, plus the accounting of
-- every row read (aggregated or rejected with a reason). The browser applies the same definition
-- in src/analysis/hazard-tally.ts; scripts/aggregate.test.ts holds the two equal cell by cell.
--
-- Inputs (made by scripts/aggregate.ts for DuckDB; any engine can make them, docs/scale-out.md):
--   ledger_input(row_no, township, date_found, sector, level, description, status,
--                rectified_date, deadline, village, unit_name)
--       one row per data row of the ledger, every cell as text (NULL = empty cell or no such
--       column); row_no is the 1-based data row number, or NULL where the engine cannot say.
--   cell_dict(field, raw, value, error)
--       the app's own cell grammars (src/ingest/kinds/column-parsers.ts) applied once per DISTINCT
--       cell text of a column (coalesce(cell, '') = raw): value is the canonical value (township
--       name, YYYY-MM-DD date, sector code, level, status) or NULL for "not reported"; error is the
--       app's message code when the cell is unreadable. Complete for township, date_found, sector,
--       level, status, rectified_date and deadline. For the free-text columns (description,
--       village, unit_name) only the texts that could fail (blank-looking, control characters,
--       Excel idioms, very long) are listed; any other text is a value.
--   ledger_headers(field, header)
--       the header text of each ledger column, so a header repeated inside the data is recognised.
--       The township dictionary marks totals words (合计, 小计 …) with error ignored.totals.
--   $as_of  the as-of date (YYYY-MM-DD) for "overdue"; never the clock, so the output is reproducible.
--
-- Row rules (the app's hazard rules, src/ingest/kinds/hazard.ts; docs/domain.md#hazard-ledger-fields):
--   ignored (the app's layout rules, src/ingest/ingest-file.ts): a row with every ledger cell empty
--     (ignored.blank), the header repeated (ignored.repeated_header), a totals row (ignored.totals).
--   rejected: any unreadable cell; township, date_found or description missing; rectified before found.
--     One reason per row: the first in the order of the CASE below.
--   sector blank → other; level blank → general; status blank → rectified when a rectified date is
--   given, else in_progress.
--   found = every accepted row, in the month of date_found;
--   rectified = status rectified or closed (销号 counts as rectified);
--   overdue = status in_progress with a deadline strictly before $as_of (transferred is not overdue).

-- name: hazard_rows
CREATE OR REPLACE TEMP VIEW hazard_rows AS
WITH cells AS (
  SELECT
    l.row_no,
    l.township AS township_raw,
    coalesce(l.township, l.date_found, l.sector, l.level, l.description, l.status,
             l.rectified_date, l.deadline, l.village, l.unit_name) IS NULL AS blank_row,
    (l.township = h.township_header AND l.date_found = h.date_found_header) AS repeated_header,
    d_t.value AS township_v, d_t.error AS township_e,
    d_d.value AS date_found_v, d_d.error AS date_found_e,
    d_s.value AS sector_v, d_s.error AS sector_e,
    d_l.value AS level_v, d_l.error AS level_e,
    CASE WHEN d_x.raw IS NULL THEN l.description ELSE d_x.value END AS description_v,
    d_x.error AS description_e,
    d_st.value AS status_v, d_st.error AS status_e,
    d_r.value AS rectified_date_v, d_r.error AS rectified_date_e,
    d_dl.value AS deadline_v, d_dl.error AS deadline_e,
    d_v.error AS village_e,
    d_u.error AS unit_name_e
  FROM ledger_input AS l
  CROSS JOIN (
    SELECT
      max(header) FILTER (WHERE field = 'township') AS township_header,
      max(header) FILTER (WHERE field = 'date_found') AS date_found_header
    FROM ledger_headers
  ) AS h
  LEFT JOIN cell_dict AS d_t  ON d_t.field  = 'township'       AND d_t.raw  = coalesce(l.township, '')
  LEFT JOIN cell_dict AS d_d  ON d_d.field  = 'date_found'     AND d_d.raw  = coalesce(l.date_found, '')
  LEFT JOIN cell_dict AS d_s  ON d_s.field  = 'sector'         AND d_s.raw  = coalesce(l.sector, '')
  LEFT JOIN cell_dict AS d_l  ON d_l.field  = 'level'          AND d_l.raw  = coalesce(l.level, '')
  LEFT JOIN cell_dict AS d_x  ON d_x.field  = 'description'    AND d_x.raw  = coalesce(l.description, '')
  LEFT JOIN cell_dict AS d_st ON d_st.field = 'status'         AND d_st.raw = coalesce(l.status, '')
  LEFT JOIN cell_dict AS d_r  ON d_r.field  = 'rectified_date' AND d_r.raw  = coalesce(l.rectified_date, '')
  LEFT JOIN cell_dict AS d_dl ON d_dl.field = 'deadline'       AND d_dl.raw = coalesce(l.deadline, '')
  LEFT JOIN cell_dict AS d_v  ON d_v.field  = 'village'        AND d_v.raw  = coalesce(l.village, '')
  LEFT JOIN cell_dict AS d_u  ON d_u.field  = 'unit_name'      AND d_u.raw  = coalesce(l.unit_name, '')
),
judged AS (
  SELECT
    *,
    CASE
      WHEN blank_row OR repeated_header IS TRUE OR township_e LIKE 'ignored.%' THEN NULL
      WHEN township_e IS NOT NULL THEN 'township'
      WHEN date_found_e IS NOT NULL THEN 'date_found'
      WHEN sector_e IS NOT NULL THEN 'sector'
      WHEN level_e IS NOT NULL THEN 'level'
      WHEN description_e IS NOT NULL THEN 'description'
      WHEN status_e IS NOT NULL THEN 'status'
      WHEN rectified_date_e IS NOT NULL THEN 'rectified_date'
      WHEN deadline_e IS NOT NULL THEN 'deadline'
      WHEN village_e IS NOT NULL THEN 'village'
      WHEN unit_name_e IS NOT NULL THEN 'unit_name'
      WHEN township_v IS NULL THEN 'township'
      WHEN date_found_v IS NULL THEN 'date_found'
      WHEN description_v IS NULL THEN 'description'
      WHEN rectified_date_v < date_found_v THEN 'rectified_date'
    END AS reject_field,
    CASE
      WHEN blank_row THEN 'ignored.blank'
      WHEN repeated_header IS TRUE THEN 'ignored.repeated_header'
      WHEN township_e LIKE 'ignored.%' THEN township_e
      WHEN township_e IS NOT NULL THEN township_e
      WHEN date_found_e IS NOT NULL THEN date_found_e
      WHEN sector_e IS NOT NULL THEN sector_e
      WHEN level_e IS NOT NULL THEN level_e
      WHEN description_e IS NOT NULL THEN description_e
      WHEN status_e IS NOT NULL THEN status_e
      WHEN rectified_date_e IS NOT NULL THEN rectified_date_e
      WHEN deadline_e IS NOT NULL THEN deadline_e
      WHEN village_e IS NOT NULL THEN village_e
      WHEN unit_name_e IS NOT NULL THEN unit_name_e
      WHEN township_v IS NULL OR date_found_v IS NULL OR description_v IS NULL THEN 'ingest.missing_required'
      WHEN rectified_date_v < date_found_v THEN 'ingest.rectified_before_found'
    END AS reject_reason
  FROM cells
)
SELECT
  row_no,
  township_raw,
  reject_field,
  reject_reason,
  township_v AS township,
  substr(date_found_v, 1, 7) AS period,
  coalesce(sector_v, 'other') AS sector,
  coalesce(level_v, 'general') AS level,
  CASE
    WHEN status_v IS NOT NULL THEN status_v
    WHEN rectified_date_v IS NOT NULL THEN 'rectified'
    ELSE 'in_progress'
  END AS status,
  deadline_v AS deadline
FROM judged;

-- name: tally
-- One scan: accepted rows grouped into tally cells, rejected rows grouped by reason (their
-- tally columns NULL). rows = sum(found) over both kinds of group.
SELECT
  reject_reason,
  reject_field,
  CASE WHEN reject_reason IS NULL THEN township END AS township,
  CASE WHEN reject_reason IS NULL THEN period END AS period,
  CASE WHEN reject_reason IS NULL THEN sector END AS sector,
  CASE WHEN reject_reason IS NULL THEN level END AS level,
  count(*) AS found,
  count(*) FILTER (WHERE status IN ('rectified', 'closed')) AS rectified,
  count(*) FILTER (WHERE status = 'in_progress' AND deadline IS NOT NULL AND deadline < $as_of) AS overdue
FROM hazard_rows
GROUP BY ALL
ORDER BY reject_reason NULLS FIRST, reject_field, township, period, sector, level;

-- name: rejected_samples
-- Up to $per_reason example rows per rejection reason, with their data row numbers.
SELECT reject_reason, reject_field, row_no, township_raw
FROM (
  SELECT
    *,
    row_number() OVER (PARTITION BY reject_reason, reject_field ORDER BY row_no) AS nth
  FROM hazard_rows
  WHERE reject_reason IS NOT NULL
)
WHERE nth <= $per_reason
ORDER BY reject_reason, reject_field, row_no;
