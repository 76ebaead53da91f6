import { defineElement } from '../../core/define.js';
import { IopCard } from './card.js';

defineElement('iop-card', IopCard);

declare global {
  interface HTMLElementTagNameMap {
    'iop-card': IopCard;
  }
}
