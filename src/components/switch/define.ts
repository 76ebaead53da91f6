import { defineElement } from '../../core/define.js';
import { IopSwitch } from './switch.js';

defineElement('iop-switch', IopSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'iop-switch': IopSwitch;
  }
}
