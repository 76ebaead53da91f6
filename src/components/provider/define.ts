import { defineElement } from '../../core/define.js';
import { IopProvider } from './provider.js';

defineElement('iop-provider', IopProvider);

declare global {
  interface HTMLElementTagNameMap {
    'iop-provider': IopProvider;
  }
}
