import * as z from 'zod';
const s = z.iso.datetime({ offset: true });
for (const v of ['2024-03-04T10:00:00+15:00','2024-03-04T10:00:00.0000000000Z','2024-02-30T10:00:00Z','2024-03-04T10:00Z','2024-03-04T10:00:00+0100','2024-03-04T10:00:00+01','2024-03-04T24:00:00Z','2024-03-04T10:00:00+14:59','2024-03-04T10:00:00+23:59','2024-03-04T10:00:00.123456789Z']) {
  console.log(v, s.safeParse(v).success);
}
console.log(s._zod.def, (s._zod.def as any).checks);
