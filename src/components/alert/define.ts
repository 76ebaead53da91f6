import { defineElement } from '../../core/define.js';
import { IopAlert } from './alert.js';

defineElement('iop-alert', IopAlert);

declare global {
  interface HTMLElementTagNameMap {
    'iop-alert': IopAlert;
  }
}
