import { defineElement } from '../../core/define.js';
import { IopButton } from './button.js';

defineElement('iop-button', IopButton);

declare global {
  interface HTMLElementTagNameMap {
    'iop-button': IopButton;
  }
}
