/** DOM helpers for the editor island. */
import { el } from '../shared/dom.js';

export { el };

