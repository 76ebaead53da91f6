import { defineElement } from '../../core/define.js';
import { IopSafetyPlan } from './safety-plan.js';

defineElement('iop-safety-plan', IopSafetyPlan);

declare global {
  interface HTMLElementTagNameMap {
    'iop-safety-plan': IopSafetyPlan;
  }
}
