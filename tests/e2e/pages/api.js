// Test page for tests/e2e/api.spec.mjs: the loader's exports and the Metropolitan report on
// `window.api`, for the tests to call mount() the way a host page would.

import { mount } from '../../../pkg/grade-widget.js';

const report = await (await fetch('../../../www/data/metropolitan-2006.json')).json();
window.api = { mount, report };
