import * as z from 'zod';

// Imported first by the spreadsheet entry points, before any schema is built: zod decides
// whether to compile parsers with `new Function` when a schema is created, and the Excel
// add-in runs under a content security policy that forbids it (Apps Script gains nothing
// from it either).
z.config({ jitless: true });
