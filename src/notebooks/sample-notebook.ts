// The walkthrough's sample: "Issue loyalty cards to a list of clients" — a notebook and the CSV it reads. The
// phones are clients of the local sandbox's first location (a unit test keeps them so).
export const SAMPLE_NOTEBOOK_NAME = 'issue-loyalty-cards.altegio.md';
export const SAMPLE_CSV_NAME = 'clients.csv';

export const SAMPLE_CSV = `name,phone,card_number
Lucas Lopez,13325550195,70000001
Penelope Harris,12125550170,70000002
Maya Scott,19175550124,70000003
Benjamin Anderson,13325550166,70000004
Emma Young,13325550150,70000005
`;

export const SAMPLE_NOTEBOOK = `---
# Notebook variables. {{location_id}} and {{chain_id}} come from the selected location (Altegio: Select Location).
card_number_prefix: ""
---

# Issue loyalty cards to a list of clients

This notebook issues a loyalty card to every client of \`clients.csv\` (next to it), then lists each client's cards.
Run the cells one by one with ▶, or **Run All**. A run of many rows can be cancelled and run again: rows already
done are skipped, and a row whose outcome is unknown is never sent again without asking.

## 1. Check the location

\`\`\`altegio
# @name location
GET /company/{{location_id}}
\`\`\`

## 2. The chain's card types

\`\`\`altegio
# @name card_types
GET /chain/{{chain_id}}/loyalty/card_types
\`\`\`

## 3. Issue a card to each client of clients.csv

The card type is the first one of the chain (the answer of cell 2). Add \`# @dry-run\` to see every request first.

\`\`\`altegio
# @each clients.csv
POST /loyalty/cards/{{location_id}}

{
  "loyalty_card_number": "{{card_number_prefix}}{{row.card_number}}",
  "loyalty_card_type_id": "{{card_types.data[0].id}}",
  "phone": {{row.phone}}
}
\`\`\`

## 4. List each client's cards

\`\`\`altegio
# @each clients.csv
GET /loyalty/cards/{{row.phone}}/{{chain_id}}/{{location_id}}
\`\`\`
`;
