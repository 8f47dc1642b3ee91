import { tryParseIsoDate, formatIsoDate, parseIsoDate } from './src/calendar/day-number.js';
import { englandAndWales } from './src/calendar/index.js';
const cal = englandAndWales();
const dates: string[] = []; const ns: number[] = [];
let s = 1; const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let i = 0; i < 10000; i++) { dates.push(` ${formatIsoDate(11323 + Math.floor(r() * 14000))}`.slice(1)); ns.push(Math.floor(r()*86)-20); }
function time(name: string, f: () => number) { f(); const t = performance.now(); let x = 0; for (let k = 0; k < 20; k++) x += f(); const dt = performance.now() - t; console.log(name, ((20 * 10000) / dt * 1000 / 1e6).toFixed(2), 'M/s', x > 0); }
for (let rep = 0; rep < 3; rep++) {
time('parse', () => { let x = 0; for (let i = 0; i < 10000; i++) x += tryParseIsoDate(dates[i])!; return x; });
time('addNumber', () => { let x = 0; const days = dates.map(d => parseIsoDate(d)); for (let i = 0; i < 10000; i++) x += cal.addWorkingDaysNumber(days[i]!, ns[i]!); return x; });
time('add iso', () => { let x = 0; for (let i = 0; i < 10000; i++) x += cal.addWorkingDays(dates[i]!, ns[i]!).length; return x; });
}
