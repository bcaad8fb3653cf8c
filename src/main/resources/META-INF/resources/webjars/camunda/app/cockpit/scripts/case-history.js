/*
 * Case Desk 12315: the case history auditors need and Community Edition Cockpit lacks (it shows running
 * instances only). One page, #/case-history, finds a case by its number (or an instance id) and shows, for a
 * running or a finished case: the BPMN diagram with the path taken, a timeline of every step with who did it,
 * when and its outcome, the variable history and the user operation log. The process definition page gets a
 * tab listing its cases, a running instance's page a link, and the header a link to the search.
 *
 * Plain JavaScript against Cockpit's plugin API (loaded through customScripts in config.js). Everything is read
 * with GET from Cockpit's own engine REST API as the logged-in user, so the engine's authorizations decide what
 * is shown: an auditor needs nothing but READ and READ_HISTORY on the process definitions. The diagram is drawn
 * by Cockpit's own bpmn-js widget (cam-widget-bpmn-viewer). The page is in Chinese only, the staff's language,
 * whatever the locale Cockpit itself shows.
 */

import { h, table } from './dom.js';

const PATH = '/case-history';
const LIFECYCLE = 'case-lifecycle';
/** Steps shown in the timeline; gateways and unnamed joins are routing, not steps. */
const STEP_TYPES = /Task$|^callActivity$|^subProcess$|Event$|^boundary/;
const TYPE_NAMES = {
  userTask: '人工任务', serviceTask: '自动步骤', sendTask: '发送', receiveTask: '等待', scriptTask: '脚本',
  businessRuleTask: '规则', callActivity: '调用流程', subProcess: '子流程', startEvent: '开始',
  noneEndEvent: '结束', endEvent: '结束', boundaryTimer: '期限提醒', messageStartEvent: '消息开始',
  boundaryMessage: '消息'
};
const OPERATIONS = {
  Claim: '签收', Assign: '指派', SetOwner: '设置所有者', Delegate: '委托', Resolve: '解决', Complete: '完成',
  Update: '修改任务', SetPriority: '修改优先级', Delete: '删除', Create: '创建', SetVariable: '修改变量',
  SetVariables: '修改变量', ModifyVariable: '修改变量', RemoveVariable: '删除变量', DeleteHistory: '删除历史',
  Migrate: '迁移到新版本', ModifyProcessInstance: '调整流程位置', Suspend: '挂起', Activate: '激活',
  SetJobRetries: '重试作业', SetDueDate: '修改期限', RecalculateDueDate: '重算期限', Execute: '执行作业',
  CreateIncident: '创建事件', SetRemovalTime: '设置清理时间',
  AddIdentityLink: '增加候选人', DeleteIdentityLink: '移除候选人', AddAttachment: '添加附件',
  DeleteAttachment: '删除附件', SetAnnotation: '添加备注', ClearAnnotation: '清除备注'
};
const ENTITIES = {
  ProcessInstance: '案件流程', Task: '任务', Variable: '变量', Job: '作业', JobDefinition: '作业定义',
  ProcessDefinition: '流程定义', Incident: '事件', Attachment: '附件', IdentityLink: '候选人', Deployment: '部署'
};
/** Operations whose variable changes are someone's edit, not the process's own work. */
const VARIABLE_EDITS = ['SetVariable', 'SetVariables', 'ModifyVariable', 'RemoveVariable'];
const PROPERTIES = {
  assignee: '办理人', owner: '所有者', dueDate: '期限', followUpDate: '跟进日期', priority: '优先级',
  name: '名称', description: '描述', processDefinitionId: '流程定义', processDefinitionVersion: '版本',
  nrOfInstances: '实例数', nrOfSetVariables: '设置变量数', async: '异步', duedate: '期限', retries: '重试次数',
  variables: '变量'
};

export default [
  {
    id: 'casedesk.caseHistory',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH },
    render: (node, { api }) => { renderPage(node, api); }
  },
  {
    id: 'casedesk.caseHistory.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 5,
    properties: { path: PATH },
    render: (node) => { node.appendChild(h('a', { href: '#' + PATH }, '案件历史')); }
  },
  {
    id: 'casedesk.caseHistory.definitionTab',
    pluginPoint: 'cockpit.processDefinition.runtime.tab',
    priority: 5,
    properties: { label: '案件历史' },
    render: (node, { api, processDefinitionId }) => { renderDefinitionCases(node, api, processDefinitionId); }
  },
  {
    id: 'casedesk.caseHistory.instanceAction',
    pluginPoint: 'cockpit.processInstance.runtime.action',
    render: (node, { processInstanceId }) => {
      node.appendChild(h('a', {
        class: 'btn btn-default action-button', title: '案件历史', href: historyLink({ instance: processInstanceId })
      }, h('span', { class: 'glyphicon glyphicon-time' })));
    }
  }
];

/**
 * The page: a search form, then the case the URL names (?case=SH… from the search, or ?instance=<process instance
 * id> from an instance's button). A search, Back and Forward change only the URL's query, and the page follows it.
 */
function renderPage(node, api) {
  // Cockpit's diagram widget keeps its zoom in the URL (viewbox=…): like Cockpit's own pages, this one must not be
  // rebuilt when only the query changes; it shows the case the query names itself ($routeUpdate below).
  angularService('$route').current.$$route.reloadOnSearch = false;
  const input = h('input', { class: 'form-control', name: 'caseNumber', placeholder: '案件编号，如 SH20261129000001' });
  const form = h('form', { class: 'form-inline casedesk-search' }, input, ' ',
    h('button', { type: 'submit', class: 'btn btn-primary' }, '查询'));
  const body = h('div');
  let shown = null;
  const showUrlCase = () => {
    const query = new URLSearchParams(window.location.hash.split('?')[1] || '');
    const wanted = `${query.get('case')}|${query.get('instance')}`;
    if (wanted === shown) {
      return; // only the diagram's zoom changed
    }
    shown = wanted;
    input.value = query.get('case') || '';
    if (query.get('case') || query.get('instance')) {
      // an answer for a case no longer asked for (a quicker search came after) is dropped
      showCase(body, engine(api), query, () => shown === wanted)
        .catch((error) => shown === wanted && show(body, failure(error)));
    } else {
      clear(body);
    }
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = historyLink({ case: input.value.trim().toUpperCase() });
  });
  node.appendChild(h('div', { class: 'casedesk-history' }, h('h2', {}, '案件历史'), form, body));
  // the plugin's node is in the page (and in the route's scope) once render returns
  queueMicrotask(() => window.angular.element(node).scope().$on('$routeUpdate', showUrlCase));
  showUrlCase();
}

async function showCase(body, get, query, stillWanted) {
  clear(body);
  show(body, h('p', { class: 'casedesk-muted' }, '正在读取…'));
  const caseNumber = query.get('case') || (await get(`/history/process-instance/${enc(query.get('instance'))}`)).businessKey;
  const instances = caseNumber
    ? await get(`/history/process-instance?processInstanceBusinessKey=${enc(caseNumber)}&sortBy=startTime&sortOrder=asc`)
    : [await get(`/history/process-instance/${enc(query.get('instance'))}`)];
  if (instances.length === 0) {
    show(body, h('p', { class: 'alert alert-warning' }, `没有找到案件 ${caseNumber}，或您无权查看。`));
    return;
  }
  const main = instances.find((i) => i.id === query.get('instance'))
    || instances.find((i) => i.processDefinitionKey === LIFECYCLE) || instances[0];
  const histories = await Promise.all(instances.map((instance) => readHistory(get, instance)));
  const migrations = await readMigrations(get, histories);
  const definition = await get(`/process-definition/${enc(main.processDefinitionId)}`);
  const [xml, labels] = await Promise.all([
    get(`/process-definition/${enc(main.processDefinitionId)}/xml`).then((result) => result.bpmn20Xml),
    // names and options read better, but the history stands without them (e.g. without READ on deployments)
    formLabels(get, definition.deploymentId).catch(() => RAW_LABELS)]);
  const mainHistory = histories.find((history) => history.instance === main);
  if (!stillWanted()) {
    return;
  }

  const diagram = h('div', { class: 'casedesk-diagram' });
  show(body,
    summary(caseNumber, main, instances),
    section('流程图与办理路径', diagram,
      h('p', { class: 'casedesk-muted' }, '绿色为走过的步骤和路径，蓝色为正在办理的步骤，数字为经过次数。')),
    section('办理时间线', timeline(histories, labels)),
    section('用户操作记录', operationLog(histories, migrations)),
    section('变量历史', variableHistory(histories, labels)));
  body.diagramScope = drawDiagram(diagram, xml, mainHistory.activities);
}

/** Empties the page below the search, with the diagram widget of the case shown before. */
function clear(body) {
  if (body.diagramScope) {
    body.diagramScope.$destroy();
    body.diagramScope = null;
  }
  show(body);
}

/** One process instance of the case with everything the page shows of it. */
async function readHistory(get, instance) {
  const id = enc(instance.id);
  const [activities, details, operations, tasks] = await Promise.all([
    get(`/history/activity-instance?processInstanceId=${id}&sortBy=startTime&sortOrder=asc`),
    get(`/history/detail?processInstanceId=${id}&variableUpdates=true&deserializeValues=false&sortBy=time&sortOrder=asc`),
    get(`/history/user-operation?processInstanceId=${id}&sortBy=timestamp&sortOrder=asc`),
    get(`/history/task?processInstanceId=${id}`)
  ]);
  return { instance, activities, details, operations, tasks };
}

/**
 * Migrations are logged per definition, not per instance (one entry per property of one operation): those, while
 * the case ran, from a definition it ran on to another definition it then ran on.
 */
async function readMigrations(get, histories) {
  const found = [];
  for (const { instance, activities } of histories) {
    const definitions = new Set(activities.map((a) => a.processDefinitionId).concat(instance.processDefinitionId));
    if (definitions.size < 2) {
      continue;
    }
    const entries = await get(`/history/user-operation?operationType=Migrate&processDefinitionKey=${enc(instance.processDefinitionKey)}`
      + `&afterTimestamp=${enc(instance.startTime)}${instance.endTime ? '&beforeTimestamp=' + enc(instance.endTime) : ''}`);
    const moves = entries.filter((entry) => entry.property === 'processDefinitionId'
      && definitions.has(entry.orgValue) && definitions.has(entry.newValue));
    const operations = new Set(moves.map((entry) => entry.operationId));
    found.push(...entries.filter((entry) => operations.has(entry.operationId)));
  }
  return found;
}

function summary(caseNumber, main, instances) {
  const state = stateName(main.state);
  const rows = [
    ['案件编号', caseNumber || '（无）'],
    ['流程', `${main.processDefinitionName || main.processDefinitionKey}（版本 ${main.processDefinitionVersion}）`],
    ['状态', state],
    ['开始', time(main.startTime) + (main.startUserId ? `，发起人 ${main.startUserId}` : '')],
    ['结束', main.endTime ? time(main.endTime) : '—'],
    ['相关流程', instances.length > 1
      ? instances.filter((i) => i !== main).map((i) => `${i.processDefinitionName || i.processDefinitionKey}（${time(i.startTime)}）`).join('；')
      : '无']
  ];
  return h('table', { class: 'table table-condensed casedesk-summary' },
    h('tbody', {}, ...rows.map(([label, value]) => h('tr', {}, h('th', {}, label), h('td', {}, value)))));
}

/** Every step of every process of the case, oldest first: who did it, when, and the variables it set. */
function timeline(histories, labels) {
  const rows = [];
  for (const { instance, activities, details, operations, tasks } of histories) {
    const completedBy = new Map(operations.filter((o) => o.operationType === 'Complete').map((o) => [o.taskId, o.userId]));
    const taskById = new Map(tasks.map((t) => [t.id, t]));
    for (const activity of activities.filter(isStep)) {
      const task = taskById.get(activity.taskId);
      // what the step set; a form's fields left empty say nothing
      const set = details.filter((d) => d.activityInstanceId === activity.id && !d.initial && d.value !== ''
        && d.value != null);
      rows.push({
        start: activity.startTime,
        cells: [
          time(activity.startTime),
          activity.endTime ? time(activity.endTime) : h('span', { class: 'label label-primary' }, '办理中'),
          h('span', {}, activity.activityName || activity.activityId,
            h('br'), h('small', { class: 'casedesk-muted' }, `${TYPE_NAMES[activity.activityType] || activity.activityType} · ${instance.processDefinitionName || instance.processDefinitionKey}`)),
          who(activity, instance, task, completedBy),
          outcome(activity, task, set, labels)
        ]
      });
    }
  }
  rows.sort((a, b) => at(a.start) - at(b.start));
  return table(['开始', '结束', '步骤', '办理人', '结果'], rows.map((row) => row.cells), 'casedesk-timeline');
}

function isStep(activity) {
  return STEP_TYPES.test(activity.activityType) && (activity.activityName || !/EndEvent$/.test(activity.activityType));
}

function who(activity, instance, task, completedBy) {
  if (task) {
    return completedBy.get(task.id) || task.assignee || (activity.endTime ? '—' : '待签收');
  }
  if (activity.activityType.endsWith('startEvent') && activity.parentActivityInstanceId === instance.id) {
    return instance.startUserId || '系统';
  }
  return '系统';
}

function outcome(activity, task, set, labels) {
  const parts = set.map((d) => `${labels.name(d.variableName)}：${labels.value(d)}`);
  if (activity.canceled) {
    parts.unshift(task && task.deleteReason && task.deleteReason !== 'deleted' ? `已取消（${task.deleteReason}）` : '已取消');
  }
  return parts.length ? h('span', {}, ...parts.flatMap((part, i) => (i ? [h('br'), part] : [part]))) : '';
}

/** Claims, reassignments, due-date changes, completions, migrations…: who, when, on which step, what changed. */
function operationLog(histories, migrations) {
  const stepNames = new Map();
  histories.forEach(({ activities }) => activities.forEach((a) => a.taskId && stepNames.set(a.taskId, a.activityName)));
  const byOperation = new Map();
  for (const entry of histories.flatMap((history) => history.operations).concat(migrations)) {
    const group = byOperation.get(entry.operationId) || [];
    group.push(entry);
    byOperation.set(entry.operationId, group);
  }
  const rows = [...byOperation.values()]
    .sort((a, b) => at(a[0].timestamp) - at(b[0].timestamp))
    .map((entries) => {
      const first = entries[0];
      // a completion logs delete false → true: bookkeeping, not a change
      const changes = entries.filter((e) => e.property && e.property !== 'delete')
        .map((e) => `${PROPERTIES[e.property] || e.property}：${change(e)}`);
      return [
        time(first.timestamp),
        first.userId || '系统',
        OPERATIONS[first.operationType] || first.operationType,
        stepNames.get(first.taskId) || (first.operationType === 'Migrate' ? '流程定义（批量迁移）'
          : ENTITIES[first.entityType] || first.entityType),
        h('span', {}, ...changes.flatMap((text, i) => (i ? [h('br'), text] : [text])),
          first.annotation ? h('div', { class: 'casedesk-muted' }, `备注：${first.annotation}`) : '')
      ];
    });
  return rows.length ? table(['时间', '操作人', '操作', '对象', '变更'], rows, 'casedesk-operations')
    : h('p', { class: 'casedesk-muted' }, '没有人工操作记录。');
}

function change(entry) {
  const shown = (v) => (v == null || v === 'null' ? '（空）'
    : /date/i.test(entry.property) && /^\d{12,}$/.test(v) ? time(new Date(Number(v)).toISOString()) : v);
  return entry.orgValue == null || entry.orgValue === 'null' ? shown(entry.newValue)
    : `${shown(entry.orgValue)} → ${shown(entry.newValue)}`;
}

/** Every value every variable had, in order, with the step that set it. */
function variableHistory(histories, labels) {
  const rows = [];
  for (const { instance, activities, details, operations } of histories) {
    const names = new Map(activities.map((a) => [a.id, a.activityName || a.activityId]));
    const edits = new Map(operations.filter((o) => VARIABLE_EDITS.includes(o.operationType)).map((o) => [o.operationId, o.userId]));
    // a reminder or escalation starts with a copy of the case's variables: the case's own rows show them
    const copied = (detail) => detail.initial && instance.processDefinitionKey !== LIFECYCLE;
    for (const detail of details.filter((d) => !copied(d))) {
      const editor = edits.get(detail.userOperationId);
      rows.push([detail.time,
        h('span', {}, labels.name(detail.variableName), h('br'), h('small', { class: 'casedesk-muted' }, detail.variableName)),
        labels.value(detail),
        editor ? h('span', { class: 'label label-warning' }, `${editor} 手工修改`)
          : detail.initial ? '案件受理' : names.get(detail.activityInstanceId) || '流程']);
    }
  }
  rows.sort((a, b) => at(a[0]) - at(b[0]));
  rows.forEach((row) => { row[0] = time(row[0]); });
  return table(['时间', '变量', '值', '设置于'], rows, 'casedesk-variables');
}

/**
 * The Chinese names of variables and of their coded values, from the Camunda Forms deployed with the process
 * (a field's label, its options' labels), so that the history reads as the staff filled it in.
 */
async function formLabels(get, deploymentId) {
  const names = new Map();
  const options = new Map();
  const collect = (component) => {
    if (component.key && component.label) {
      names.set(component.key, component.label);
      (component.values || []).forEach((option) => options.set(`${component.key}=${option.value}`, option.label));
    }
    (component.components || []).forEach(collect);
  };
  const resources = (await get(`/deployment/${enc(deploymentId)}/resources`)).filter((r) => r.name.endsWith('.form'));
  const forms = await Promise.all(resources.map((r) => get(`/deployment/${enc(deploymentId)}/resources/${enc(r.id)}/data`)));
  forms.forEach(collect);
  return {
    name: (key) => names.get(key) || key,
    value: (detail) => options.get(`${detail.variableName}=${detail.value}`) || value(detail)
  };
}

const RAW_LABELS = { name: (key) => key, value: (detail) => value(detail) };

/**
 * Cockpit's own diagram widget, with the activities passed and the flows between them marked. Its scope is a child
 * of the page's, so leaving the page destroys it; the caller destroys it before showing another case.
 */
function drawDiagram(container, xml, activities) {
  const scope = window.angular.element(container).scope().$new(true);
  scope.xml = xml;
  scope.control = {};
  scope.loaded = () => markPath(scope.control, activities);
  const widget = angularService('$compile')(
    '<div cam-widget-bpmn-viewer diagram-data="xml" control="control" on-load="loaded()" disable-navigation="false"></div>')(scope);
  container.appendChild(widget[0]);
  scope.$applyAsync();
  return scope;
}

function markPath(control, activities) {
  const canvas = control.getViewer().get('canvas');
  const visits = new Map();
  activities.forEach((a) => visits.set(a.activityId, (visits.get(a.activityId) || []).concat(a)));
  for (const [activityId, passes] of visits) {
    if (!control.getElement(activityId)) {
      continue;
    }
    canvas.addMarker(activityId, passes.some((a) => !a.endTime) ? 'casedesk-active' : 'casedesk-passed');
    if (passes.length > 1) {
      control.createBadge(activityId, { text: String(passes.length), tooltip: `经过 ${passes.length} 次` });
    }
  }
  // each visit came in over the flow whose source ended last before it started (of a parallel join's incoming
  // flows only that one is marked)
  const flows = control.getElements((element) => element.type === 'bpmn:SequenceFlow');
  for (const [activityId, passes] of visits) {
    const incoming = flows.filter((flow) => flow.businessObject.targetRef.id === activityId);
    for (const pass of passes) {
      let taken = null;
      let latest = -Infinity;
      for (const flow of incoming) {
        for (const source of visits.get(flow.businessObject.sourceRef.id) || []) {
          const ended = source.endTime ? at(source.endTime) : Infinity;
          if (ended <= at(pass.startTime) && ended > latest) {
            taken = flow;
            latest = ended;
          }
        }
      }
      if (taken) {
        canvas.addMarker(taken.id, 'casedesk-taken');
      }
    }
  }
}

/** The definition page's tab: this version's cases, newest first, each linked to its history. */
async function renderDefinitionCases(node, api, processDefinitionId) {
  const get = engine(api);
  try {
    const instances = await get(`/history/process-instance?processDefinitionId=${enc(processDefinitionId)}`
      + '&sortBy=startTime&sortOrder=desc&maxResults=50');
    const rows = instances.map((i) => [
      h('a', { href: historyLink(i.businessKey ? { case: i.businessKey } : { instance: i.id }) }, i.businessKey || i.id),
      time(i.startTime), i.endTime ? time(i.endTime) : '—', i.endTime ? stateName(i.state) : '办理中'
    ]);
    show(node, h('p', { class: 'casedesk-muted' }, '本版本最近 50 个案件（含已办结）。按案件编号查询全部案件：',
      h('a', { href: '#' + PATH }, '案件历史')),
    table(['案件编号', '开始', '结束', '状态'], rows, 'casedesk-definition-cases'));
  } catch (error) {
    show(node, failure(error));
  }
}

/** A service of Cockpit's AngularJS application, which the plugin API does not hand to plugins. */
function angularService(name) {
  return window.angular.element(document.body).injector().get(name);
}

/** GET from Cockpit's engine REST API with the session's login; a refusal rejects with its status. */
function engine(api) {
  return async (path) => {
    const response = await fetch(api.engineApi + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(String(response.status));
    }
    return response.json();
  };
}

function failure(error) {
  const text = {
    401: '登录已过期，请重新登录。',
    403: '您无权查看这个案件的历史（需要流程定义的“读取历史”权限）。',
    404: '没有找到这个案件。'
  }[error.message] || `读取失败：${error.message}`;
  return h('p', { class: 'alert alert-danger' }, text);
}

function historyLink(params) {
  return `#${PATH}?${new URLSearchParams(params)}`;
}

function section(title, ...content) {
  return h('section', { class: 'casedesk-section' }, h('h3', {}, title), ...content);
}

function value(detail) {
  if (detail.value == null) {
    return '（空）';
  }
  return typeof detail.value === 'object' ? `（${detail.variableType}）` : String(detail.value);
}

function stateName(state) {
  return { COMPLETED: '已结束', EXTERNALLY_TERMINATED: '已取消', INTERNALLY_TERMINATED: '已终止', ACTIVE: '办理中', SUSPENDED: '已挂起' }[state] || state;
}

/** An engine time (e.g. 2026-11-29T07:37:36.781+0000, in the server's zone) as milliseconds, for comparing. */
function at(engineTime) {
  return Date.parse(engineTime.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

/** An engine time as the centre's local time, 2026-11-29 15:37:36. */
function time(engineTime) {
  const date = new Date(at(engineTime));
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
  }).format(date);
}

function enc(text) {
  return encodeURIComponent(text);
}

function show(node, ...children) {
  node.replaceChildren(...children);
}
