// name: campaigns_by_agency
// purpose: Campaigns an agency conducts, with the documents and sentences that say so.
// param: agency = 英德市交通运输局
MATCH (a:Agency|Organization)-[r:CONDUCTS]->(c:Campaign)
WHERE a.name = $agency OR $agency IN a.aliases
RETURN a.name AS agency, c.name AS campaign, r.doc AS document, r.start AS offset,
       r.trigger AS trigger, r.sentence AS evidence
ORDER BY campaign, document, offset, agency, trigger
