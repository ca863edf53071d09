// name: cooperating_agencies
// purpose: Agencies that cooperate with other agencies or organisations, with the sentence as evidence (agency empty: all).
// param: agency =
MATCH (a:Agency)-[r:COOPERATES_WITH]->(b:Agency|Organization)
WHERE $agency = '' OR a.name = $agency OR $agency IN a.aliases OR b.name = $agency OR $agency IN b.aliases
RETURN a.name AS agency, b.name AS partner, b.type AS partner_type, r.trigger AS trigger,
       r.doc AS document, r.start AS offset, r.sentence AS evidence
ORDER BY agency, partner, partner_type, document, offset, trigger
