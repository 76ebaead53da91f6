import { defineElement } from '../../core/define.js';
import { IopPetFriendlyToggle } from './pet-friendly-toggle.js';

defineElement('iop-pet-friendly-toggle', IopPetFriendlyToggle);

declare global {
  interface HTMLElementTagNameMap {
    'iop-pet-friendly-toggle': IopPetFriendlyToggle;
  }
}
