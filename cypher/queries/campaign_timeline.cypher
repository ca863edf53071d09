// name: campaign_timeline
// purpose: A campaign's appearances over time: the years of the documents that mention it, with mention counts.
// param: campaign = 交通运输执法领域突出问题专项整治行动
MATCH (c:Campaign)-[m:MENTIONED_IN]->(s:Sentence)
WHERE c.name = $campaign OR $campaign IN c.aliases
MATCH (d:Document)
WHERE d.name = s.doc
UNWIND d.years AS year
RETURN year, d.name AS document, d.title AS title, d.kind AS kind, c.name AS campaign, count(m) AS mentions
ORDER BY year, document, campaign
