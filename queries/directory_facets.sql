-- The values the directory filters offer, with how many actors hold each: facet 'type',
-- 'category' or 'department' (label = department name), in label order. No parameters.
SELECT 'type' AS facet, structure_type AS value, structure_type AS label, count(*) AS actors
FROM actors WHERE structure_type IS NOT NULL GROUP BY structure_type
UNION ALL
SELECT 'category', category, category, count(*)
FROM actors WHERE category IS NOT NULL GROUP BY category
UNION ALL
SELECT 'department', a.department_code, coalesce(d.name, a.department_code), count(*)
FROM actors AS a LEFT JOIN ref.departments AS d ON d.code = a.department_code
GROUP BY a.department_code, d.name
ORDER BY facet, label, value
