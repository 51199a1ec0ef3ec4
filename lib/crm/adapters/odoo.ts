import type { CrmAdapter, Extraction, RecordRef } from '@/lib/crm/adapter';
import { allMatches, allOfFirstMatch, closestMatch, controlValue, firstMatch, isRendered, labelledCells, lightScope, visibleText } from '@/lib/crm/dom';
import { ODOO_MATCHES } from '@/lib/crm/hosts';
import { cleanText, labelMatches, normaliseLabel } from '@/lib/crm/parse';
import type { RecordContact, RecordField } from '@/lib/crm/snapshot';
import { ContactList, attempt, contactFromPairs, emptyExtraction, extractionOf, mergeFields, partValue, type ContactColumns, type PartSpec } from './common';
import {
  CRM_LEAD_ACTION_PATHS,
  OTHER_ACTION_PATHS,
  contactFields as C,
  contactListColumns as L,
  leadParts,
  odooSelectors as S,
} from './odoo.selectors';

// Odoo CRM (Odoo Online and self-hosted). URL -> record ref, action form ->
// parts. Only crm.lead (leads and opportunities) is read; other models are
// recognised so the panel can say "unsupported object". Odoo 16+ forms are
// always in edit mode: field values sit in <input> values, which the DOM
// helpers' visibleText skips, so values are read by `widgetValue` here.

// --- URLs ------------------------------------------------------------------------------

/** Where an Odoo URL points: the model (or the action that tells it) and the record id. */
export interface OdooRoute {
  model?: string;
  action?: string;
  recordId: string;
}

const MODEL = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/;
const NUMERIC = /^\d{1,18}$/;

/**
 * Reads an Odoo URL as the web client's router does (web/static/src/core/browser/router.js):
 * 17.2+ `/odoo/{path|action-{id|xmlid}|m-{model}|{model.name}}/{id}`, where the last
 * action part and the number after it name the record in view (earlier parts are
 * the breadcrumb path), and the legacy `/web#id={id}&model={model}&view_type=form`.
 * Null for anything that is not one record (lists, kanban, `new`).
 */
export function parseOdooUrl(url: URL): OdooRoute | null {
  try {
    if (url.pathname === '/web' || url.pathname === '/web/') {
      const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
      const id = hash.get('id') ?? '';
      const viewType = hash.get('view_type');
      if (!NUMERIC.test(id) || (viewType !== null && viewType !== 'form')) return null;
      const route: OdooRoute = { recordId: id };
      const model = hash.get('model') ?? '';
      const action = hash.get('action') ?? '';
      if (MODEL.test(model)) route.model = model;
      if (action) route.action = action;
      return route;
    }
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments[0] !== 'odoo') return null;
    const rest = segments.slice(1);
    const last = rest.length - 1;
    const part = rest[last - 1] ?? '';
    const recordId = rest[last] ?? '';
    if (!NUMERIC.test(recordId) || !part || NUMERIC.test(part) || part === 'new') return null;
    if (part.startsWith('action-')) return part.length > 7 ? { action: part.slice(7), recordId } : null;
    if (part.startsWith('m-')) return /^[a-z][a-z0-9_]*$/.test(part.slice(2)) ? { model: part.slice(2), recordId } : null;
    if (part.includes('.')) return MODEL.test(part) ? { model: part, recordId } : null;
    return /^[a-z0-9_-]{1,80}$/.test(part) ? { action: part, recordId } : null;
  } catch {
    return null;
  }
}

/** The model an action names, when its path or XML id tells: `crm`, `action-crm.crm_lead_action_pipeline`. */
export function modelOfAction(action: string | undefined): string | undefined {
  if (!action) return undefined;
  if ((CRM_LEAD_ACTION_PATHS as readonly string[]).includes(action)) return 'crm.lead';
  if (Object.prototype.hasOwnProperty.call(OTHER_ACTION_PATHS, action)) return OTHER_ACTION_PATHS[action];
  if (/^crm\.[a-z0-9_]*(lead|opportunit)/.test(action)) return 'crm.lead';
  return undefined;
}

// --- Finding the record in view ---------------------------------------------------------

function inDialog(element: Element): boolean {
  return closestMatch(element, S.dialog) !== null;
}

function isInvisible(element: Element): boolean {
  return closestMatch(element, S.invisible) !== null;
}

/** The action a form belongs to (the form itself in 16+). */
function actionOf(form: Element): Element {
  return closestMatch(form, S.action) ?? form;
}

/** The action's form view in the page (not a dialog's, not one embedded in another form). */
function actionForm(doc: Document): Element | null {
  for (const form of allOfFirstMatch(lightScope(doc), S.formView)) {
    if (inDialog(form) || form.parentElement?.closest(S.form.join(','))) continue;
    if (isRendered(form)) return form;
  }
  return null;
}

/** True when the action's form (or the action itself) carries the crm.lead form class. */
function isCrmLeadForm(action: Element): boolean {
  return action.matches(S.crmLeadForm.join(',')) || firstMatch(lightScope(action), S.crmLeadForm) !== null;
}

/** The model of the form in view when its classes tell it (crm.lead); undefined otherwise. */
export function odooModelOnPage(doc: Document): string | undefined {
  try {
    const form = actionForm(doc);
    return form && isCrmLeadForm(actionOf(form)) ? 'crm.lead' : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The record an Odoo URL points at. When the URL names an action that does
 * not tell its model (`/odoo/action-521/42`), the form in `doc` is asked.
 */
export function recognizeOdooPage(url: URL, doc: Document | null): RecordRef | null {
  const route = parseOdooUrl(url);
  if (!route) return null;
  const objectType = route.model ?? modelOfAction(route.action) ?? (doc ? odooModelOnPage(doc) : undefined);
  return objectType ? { objectType, recordId: route.recordId } : null;
}

/**
 * The action holding the form in view: the form itself in 16+ (`.o_form_view.o_action`),
 * its `.o_action` parent (with the breadcrumbs) in ≤15. Odoo mounts one action's
 * view at a time, so there are no cached views to skip; dialogs are left out.
 * The record id is not shown in the page, so it cannot be checked against `ref`.
 */
export function findOdooRecordRoot(doc: Document, ref: RecordRef): Element | null {
  try {
    const form = actionForm(doc);
    if (!form) return null;
    const root = actionOf(form);
    if (ref.objectType === 'crm.lead' || !isCrmLeadForm(root)) return root;
    return null; // a crm.lead form where the URL names another model
  } catch {
    return null;
  }
}

// --- Reading the record -------------------------------------------------------------------

const WIDGET = S.fieldWidget.join(',');
/** Input ids of the ≤15 web client: `o_field_input_{n}`, unrelated to the field name. */
const LEGACY_INPUT_ID = 'o_field_input_';
const FIELD_NAME = /^[a-z_][a-z0-9_]{0,79}$/;

/** The text a user sees in a label, without the "?" help marker (`<sup>`). */
function labelText(label: Element): string {
  let text = '';
  for (const node of Array.from(label.childNodes)) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 && (node as Element).localName !== 'sup') text += ` ${visibleText(node as Element)} `;
  }
  return cleanText(text);
}

/** Text of the element siblings before (or after) `element`, e.g. a currency symbol around an amount. */
function siblingText(element: Element, before: boolean): string {
  const parts: string[] = [];
  for (let node = before ? element.previousElementSibling : element.nextElementSibling; node; node = before ? node.previousElementSibling : node.nextElementSibling) {
    if (before) parts.unshift(visibleText(node));
    else parts.push(visibleText(node));
  }
  return parts.join(' ');
}

/**
 * The value a field widget shows: the current stage of a stage bar, the tags
 * of a tags field, a checkbox's state, an input's value (with the currency
 * symbol of a monetary field), or the text of a read-only widget.
 */
export function widgetValue(widget: Element): string {
  const scope = lightScope(widget);
  const bar = widget.matches(S.statusbar.join(',')) ? widget : firstMatch(scope, S.statusbar)?.element;
  if (bar) {
    const current = firstMatch(lightScope(bar), S.statusCurrent)?.element;
    return current ? visibleText(current) : '';
  }
  const tags = allOfFirstMatch(scope, S.tag);
  if (tags.length > 0) return cleanText(tags.map((tag) => visibleText(tag)).filter(Boolean).join(', '));
  const input = widget.querySelector('input[type="checkbox"]') ?? widget.querySelector('input:not([type="hidden"]):not([type="radio"]), textarea, select');
  if (!input) return visibleText(widget);
  const value = controlValue(input) ?? '';
  const ghost = firstMatch(scope, S.monetaryGhost)?.element;
  if (!ghost || !value) return value;
  return cleanText(`${siblingText(ghost, true)} ${value} ${siblingText(ghost, false)}`);
}

/** Widgets of the form itself (not of a dialog, an embedded form or an x2many row), first per name. */
function formWidgets(form: Element): Map<string, Element> {
  const widgets = new Map<string, Element>();
  for (const widget of allMatches(lightScope(form), S.fieldWidget)) {
    const name = widget.getAttribute('name') ?? '';
    if (!FIELD_NAME.test(name) || widgets.has(name) || isInvisible(widget)) continue;
    if (widget.parentElement?.closest(WIDGET) || inDialog(widget) !== inDialog(form)) continue;
    widgets.set(name, widget);
  }
  return widgets;
}

/** The widget a label is for: the element with the label's `for` id, the `{field}_{n}` name, or the label's row. */
function widgetOfLabel(label: Element, form: Element, widgets: Map<string, Element>): Element | undefined {
  const target = label.getAttribute('for') ?? '';
  if (/^[A-Za-z0-9_.:-]{1,200}$/.test(target)) {
    const byId = form.querySelector(`[id="${target}"]`)?.closest(WIDGET);
    const name = byId?.getAttribute('name') ?? '';
    if (byId && widgets.get(name) === byId) return byId;
  }
  // 16+ names the input `{field}_{n}`: that field or none (never a neighbour).
  const name = target.startsWith(LEGACY_INPUT_ID) ? undefined : /^([a-z_][a-z0-9_]*)_\d+$/.exec(target)?.[1];
  if (name) return widgets.get(name);
  // ≤15 (`o_field_input_{n}`, not on read-only widgets): the table row (`tr > td.o_td_label + td`) holds one field.
  const own = (w: Element) => widgets.get(w.getAttribute('name') ?? '') === w;
  const row = label.closest('tr, .o_wrap_field');
  const inRow = row ? Array.from(row.querySelectorAll(WIDGET)).filter(own) : [];
  if (row) return inRow.length === 1 ? inRow[0] : undefined;
  // A title label (`.oe_title`): the field right after it, with no other label in between.
  const container = label.parentElement;
  if (!container) return undefined;
  const after = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) !== 0;
  const next = Array.from(container.querySelectorAll(WIDGET)).find((w) => own(w) && after(label, w));
  const between = next ? Array.from(container.querySelectorAll(S.fieldLabel.join(','))).some((l) => l !== label && after(label, l) && after(l, next)) : true;
  return between ? undefined : next;
}

function readFields(form: Element, widgets: Map<string, Element>): RecordField[] {
  const entries: RecordField[] = [];
  for (const label of allOfFirstMatch(lightScope(form), S.fieldLabel)) {
    if (isInvisible(label) || inDialog(label) !== inDialog(form)) continue;
    const text = labelText(label);
    const widget = widgetOfLabel(label, form, widgets);
    if (!text || !widget) continue;
    entries.push({ label: text, value: attempt(() => widgetValue(widget), ''), apiName: widget.getAttribute('name') ?? '' });
  }
  return entries;
}

/** What the form's widget of field `name` shows; "" when the form has none. */
function fieldValue(widgets: Map<string, Element>, name: string): string {
  const widget = widgets.get(name);
  return widget ? attempt(() => widgetValue(widget), '') : '';
}

/** The first non-empty value of a part: the widget of its field first, then a field with its label. */
function leadPart(widgets: Map<string, Element>, entries: RecordField[], spec: PartSpec): string {
  for (const name of spec.apiNames ?? []) {
    const value = fieldValue(widgets, name);
    if (value) return value;
  }
  return partValue(entries, spec);
}

/** "Company, Person" (a contact person of a company, as Odoo displays it) -> [company, person]. */
function splitPartner(partner: string): [string, string] {
  const at = partner.indexOf(', ');
  return at > 0 ? [partner.slice(0, at), partner.slice(at + 2)] : [partner, ''];
}

/** The customer contact: the partner when it is a person of a company, and the lead's contact name. */
function fieldContacts(value: (field: string) => string): RecordContact[] {
  const [, person] = splitPartner(value(C.partner));
  const contactName = value(C.contactName);
  const email = value(C.email);
  const jobPosition = value(C.jobPosition);
  const contacts: RecordContact[] = [];
  const same = person && contactName && normaliseLabel(person) === normaliseLabel(contactName);
  if (person) {
    const contact: RecordContact = { name: person };
    if (same && jobPosition) contact.title = jobPosition;
    if (email) contact.email = email;
    contacts.push(contact);
  }
  if (contactName && !same) {
    const contact: RecordContact = { name: contactName };
    if (jobPosition) contact.title = jobPosition;
    if (email && !person) contact.email = email;
    contacts.push(contact);
  }
  return contacts;
}

/** Field names and labels of a person's columns in a list, as one vocabulary per part. */
const PEOPLE_COLUMNS: ContactColumns = {
  name: [...L.name.fields, ...L.name.labels],
  title: [...L.title.fields, ...L.title.labels],
  role: [...L.role.fields, ...L.role.labels],
  email: [...L.email.fields, ...L.email.labels],
};

/** True when a list's columns (field names and labels) name people: a name column and a job position, role or e-mail column. */
function listsPeople(columns: readonly string[]): boolean {
  const has = (names: readonly string[] = []) => columns.some((column) => column && labelMatches(column, names));
  return has(PEOPLE_COLUMNS.name) && (has(PEOPLE_COLUMNS.title) || has(PEOPLE_COLUMNS.role) || has(PEOPLE_COLUMNS.email));
}

/**
 * The people in the form's x2many lists, read by column: each cell under its
 * field name (`td[name]`, 17+) and under its header's label (by position, as
 * 16 and ≤15 cells carry no name). Lists of anything else are left alone.
 */
function addListContacts(form: Element, list: ContactList): void {
  for (const table of allOfFirstMatch(lightScope(form), S.x2manyTable)) {
    if (inDialog(table) !== inDialog(form) || isInvisible(table)) continue;
    const rows = allOfFirstMatch(lightScope(table), S.listRow).filter((row) => row.closest('table') === table);
    const headers = allOfFirstMatch(lightScope(table), S.listHeader).map((header) => header.getAttribute('data-name') ?? '');
    if (!rows[0] || !listsPeople([...headers, ...labelledCells(rows[0]).map(([label]) => label)])) continue;
    for (const row of rows) {
      const pairs = labelledCells(row).flatMap(([label, cell]) => {
        const value = attempt(() => widgetValue(cell), '');
        return [[cell.getAttribute('name') ?? '', value] as const, [label, value] as const];
      });
      const contact = contactFromPairs(pairs, PEOPLE_COLUMNS);
      if (contact && !list.add(contact)) return;
    }
  }
}

/** The customer's people: from the lead's contact fields, then from lists of people on the form (one per name). */
function readContacts(form: Element, value: (field: string) => string): RecordContact[] {
  const list = new ContactList();
  for (const contact of fieldContacts(value)) list.add(contact);
  attempt(() => addListContacts(form, list), undefined);
  return list.contacts;
}

/** Reads the crm.lead in `root` (an action from `findOdooRecordRoot`). Never throws. */
export function extractOdooRecord(root: Element): Extraction {
  const form = root.matches(S.form.join(',')) ? root : (firstMatch(lightScope(root), S.form)?.element ?? root);
  const widgets = attempt(() => formWidgets(form), new Map<string, Element>());
  const entries = attempt(() => readFields(form, widgets), []);
  const value = (field: string) => fieldValue(widgets, field);
  const P = leadParts;
  const [company] = splitPartner(leadPart(widgets, entries, P.account));
  return extractionOf({
    parts: {
      name: leadPart(widgets, entries, P.name) || attempt(() => visibleText(firstMatch(lightScope(root), S.breadcrumbCurrent)?.element), ''),
      stage: leadPart(widgets, entries, P.stage),
      amount: leadPart(widgets, entries, P.amount),
      closeDate: leadPart(widgets, entries, P.closeDate),
      owner: leadPart(widgets, entries, P.owner),
      account: company || value(C.companyName),
    },
    fields: attempt(() => mergeFields(entries), []),
    contacts: attempt(() => readContacts(form, value), []),
  });
}

export const odooAdapter: CrmAdapter = {
  id: 'odoo',
  label: 'Odoo CRM',
  matches: ODOO_MATCHES,
  objectTypes: ['crm.lead'],
  recognize: (url, doc) => recognizeOdooPage(url, doc ?? null),
  findRecordRoot: findOdooRecordRoot,
  extract: (root) => attempt(() => extractOdooRecord(root), emptyExtraction()),
};
