/*
 * Case Desk 12315: the supervisors' dashboard on Cockpit's start page (plugin point cockpit.dashboard). This
 * month's figures by handling unit (forwarded, concluded, instant completion, satisfaction, overdue steps; the centre's own last) as bars
 * and a table, the open overdue steps, each case linked to its history (scripts/case-history.js), and the charts
 * the server draws for the weekly bulletin and monthly analysis, with links to open or download those reports.
 *
 * Plain JavaScript against Cockpit's plugin API (customScripts in config.js). It reads our reports API
 * (/api/v1/reports/…, README "Reports") with the Cockpit login — the API takes the webapp session for a GET — so
 * it shows to supervisors, auditors and administrators; for other Cockpit users the API answers 403 and the
 * dashboard says so. Chinese only, the staff's language.
 */

import { h, table } from './dom.js';

export default [
  {
    id: 'casedesk.supervisorDashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => { renderDashboard(node); }
  }
];

const CENTRE = '本中心';

async function renderDashboard(node) {
  const today = shanghaiDay(new Date());
  const monthStart = `${today.slice(0, 8)}01`;
  const body = h('div');
  node.appendChild(h('section', { class: 'casedesk-dashboard' },
    h('h3', {}, `本月办理情况（${monthStart} 至 ${today}）`), body));
  try {
    const [kpis, overdue] = await Promise.all([
      get(`/api/v1/reports/kpis?from=${monthStart}&to=${today}&by=unit`),
      get('/api/v1/reports/overdue')]);
    // the group without a unit: the centre's own steps (registration, revisit) and the cases it closed without one
    const units = kpis.groups.map((group) => (group.key ? group : { ...group, name: CENTRE }))
      .sort((a, b) => (a.key ? 0 : 1) - (b.key ? 0 : 1));
    body.replaceChildren(
      h('div', { class: 'casedesk-charts' },
        bars('各单位分送量', units, (unit) => unit.forwarded),
        bars('各单位本月新超期步骤', units, (unit) => unit.steps.reduce((sum, step) => sum + step.overdue, 0))),
      unitTable(units),
      h('h3', {}, `当前超期（${overdue.reduce((sum, unit) => sum + unit.deadlines.length, 0)} 个步骤）`),
      overdueList(overdue),
      h('p', { class: 'casedesk-muted' }, '更多：', h('a', { href: `/api/v1/reports/kpis?from=${monthStart}&to=${today}&by=unit&format=csv` }, '下载本月各单位指标（CSV）')),
      reportCharts(monthStart, today));
  } catch (error) {
    body.replaceChildren(h('p', { class: 'casedesk-muted' }, error.message === '403'
      ? '办理情况只对督办、审计和管理员显示。' : `办理情况读取失败：${error.message}`));
  }
}

/**
 * The charts of the periodic reports as the server draws them (PNG, /api/v1/reports/charts/…), this month's so far and
 * the hotspots of last week, and links to the bulletin sent this week (last week's) and the analysis sent this month
 * (last month's), to open or to download as one HTML file.
 */
function reportCharts(monthStart, today) {
  const lastMonday = addDays(today, -((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7) - 7);
  const lastMonth = addDays(monthStart, -1).slice(0, 7);
  const thisMonth = `from=${monthStart}&to=${today}`;
  const chart = (name, query, title) => h('img', { src: `/api/v1/reports/charts/${name}.png?${query}`, alt: title,
    title, class: 'casedesk-chart' });
  const report = (query, title) => h('li', {}, title, '：',
    h('a', { href: `/api/v1/reports/bulletin?${query}`, target: '_blank', rel: 'noopener' }, '查看'), ' ',
    h('a', { href: `/api/v1/reports/bulletin?${query}&download=true` }, '下载'));
  return h('div', {},
    h('h3', {}, '周有快报、月有分析'),
    h('ul', {},
      report(`week=${lastMonday}`, `本周快报（${lastMonday} 至 ${addDays(lastMonday, 6)}）`),
      report(`month=${lastMonth}`, `本月分析（${lastMonth}）`),
      report(thisMonth, `本月至今（${monthStart} 至 ${today}）`)),
    h('div', {},
      chart('volume-trend', thisMonth, '本月受理量趋势'),
      chart('by-category', thisMonth, '本月按类别受理量'),
      chart('hotspots', `week=${lastMonday}`, '上周热点预警')));
}

/** The calendar day so many days after (or before) a day, 2026-11-29 → 2026-11-30. */
function addDays(day, days) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A horizontal bar per unit, scaled to the largest. */
function bars(title, units, count) {
  const counts = units.map((unit) => ({ name: unit.name || unit.key, count: count(unit) }))
    .filter((entry) => entry.count > 0).sort((a, b) => b.count - a.count);
  const largest = Math.max(1, ...counts.map((entry) => entry.count));
  return h('div', { class: 'casedesk-bars' }, h('h4', {}, title),
    ...(counts.length ? counts.map((entry) => h('div', { class: 'casedesk-bar' },
      h('span', { class: 'casedesk-bar-name' }, entry.name),
      barFill((60 * entry.count) / largest),
      h('span', {}, String(entry.count)))) : [h('p', { class: 'casedesk-muted' }, '无')]));
}

function barFill(percent) {
  const fill = h('span', { class: 'casedesk-bar-fill' });
  fill.style.width = `${percent}%`;
  return fill;
}

function unitTable(units) {
  const percent = (rate) => (rate == null ? '—' : `${(rate * 100).toFixed(1)}%`);
  const rows = units.map((unit) => [unit.name || unit.key, unit.forwarded, unit.concluded, percent(unit.instantCompletionRate),
    percent(unit.satisfactionRate), unit.steps.reduce((sum, step) => sum + step.overdue, 0)].map(String));
  return table(['承办单位', '分送量', '办结量', '即时办结率', '满意率', '本月新超期步骤'], rows);
}

function overdueList(units) {
  const rows = units.flatMap((unit) => unit.deadlines.map((deadline) => [unit.name,
    h('a', { href: `#/case-history?case=${encodeURIComponent(deadline.caseNumber)}` }, deadline.caseNumber),
    deadline.step, deadline.dueAtShanghai]));
  return rows.length ? table(['承办单位', '案件编号', '步骤', '期限'], rows) : h('p', { class: 'casedesk-muted' }, '没有超期的案件。');
}

/** GET from our API with the Cockpit login (the session cookie); a refusal rejects with its status. */
async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(String(response.status));
  }
  return response.json();
}

/** The Shanghai calendar day of an instant, 2026-11-29: the centre's day, whatever the browser's zone. */
function shanghaiDay(date) {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(date);
}
