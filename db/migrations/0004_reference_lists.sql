-- National reference lists: client groups and outcome areas. Codes never change; reports
-- across councils rely on them.
INSERT INTO client_groups (code, label, sort_order) VALUES
  ('older_people', 'Older people', 1),
  ('learning_disability', 'Learning disability', 2),
  ('physical_disability', 'Physical disability', 3),
  ('mental_health', 'Mental health', 4),
  ('dementia', 'Dementia', 5),
  ('substance_use', 'Substance use', 6),
  ('other', 'Other', 7)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO outcome_areas (code, label, plain_label, sort_order) VALUES
  ('feeling_safe', 'Feeling safe', 'Feeling safe', 1),
  ('health', 'Health and wellbeing', 'My health', 2),
  ('where_i_live', 'Where I live', 'Where I live', 3),
  ('people_i_see', 'People I see', 'People I see', 4),
  ('things_i_do', 'Things I do', 'Things I like to do', 5),
  ('work_and_learning', 'Work and learning', 'Work and learning', 6),
  ('managing_money', 'Managing money', 'My money', 7),
  ('daily_living', 'Looking after myself day to day', 'Looking after myself', 8),
  ('having_a_say', 'Having a say and being heard', 'Having my say', 9)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- Any older record with a client group not on the list is kept, as 'other'.
UPDATE people SET client_group = 'other' WHERE client_group NOT IN (SELECT code FROM client_groups);
--> statement-breakpoint
UPDATE personal_outcomes SET area = 'things_i_do' WHERE area NOT IN (SELECT code FROM outcome_areas);
--> statement-breakpoint
COMMENT ON TABLE personal_outcome_changes IS 'append-only';
