import { defineElement } from '../../core/define.js';
import { IopDialog } from './dialog.js';

defineElement('iop-dialog', IopDialog);

declare global {
  interface HTMLElementTagNameMap {
    'iop-dialog': IopDialog;
  }
}
