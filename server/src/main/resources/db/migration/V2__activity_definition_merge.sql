-- Merges two activity definitions property by property, recursively for objects (language maps, extensions),
-- so the canonical definition keeps every language any statement gave. Non-object values: the newer wins.
CREATE FUNCTION jsonb_deep_merge(older jsonb, newer jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF jsonb_typeof(older) = 'object' AND jsonb_typeof(newer) = 'object' THEN
    RETURN (
      SELECT coalesce(jsonb_object_agg(coalesce(ka, kb),
               CASE WHEN va IS NULL THEN vb WHEN vb IS NULL THEN va ELSE jsonb_deep_merge(va, vb) END), '{}'::jsonb)
      FROM jsonb_each(older) AS a(ka, va)
      FULL JOIN jsonb_each(newer) AS b(kb, vb) ON ka = kb);
  END IF;
  RETURN newer;
END
$$;
