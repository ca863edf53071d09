// name: campaign_metrics
// purpose: The metrics reported for a campaign: indicator, value, unit, kind, and whether the number is masked.
// param: campaign = 交通运输执法领域突出问题专项整治行动
MATCH (m:Metric)-[r:MEASURES]->(c:Campaign)
WHERE c.name = $campaign OR $campaign IN c.aliases
RETURN c.name AS campaign, m.indicator AS indicator, m.value AS value, m.unit AS unit, m.kind AS kind,
       m.masked AS masked, m.text AS text, m.doc AS document, m.start AS offset
ORDER BY document, offset, campaign, text
