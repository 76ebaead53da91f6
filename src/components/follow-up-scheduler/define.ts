import { defineElement } from '../../core/define.js';
import { IopFollowUpScheduler } from './follow-up-scheduler.js';

defineElement('iop-follow-up-scheduler', IopFollowUpScheduler);

declare global {
  interface HTMLElementTagNameMap {
    'iop-follow-up-scheduler': IopFollowUpScheduler;
  }
}
