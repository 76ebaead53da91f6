import { Directive, ElementRef, forwardRef, inject } from '@angular/core';
import { NG_VALUE_ACCESSOR, type ControlValueAccessor } from '@angular/forms';
import type { IopSwitch } from 'iop-kit';

/**
 * `[(ngModel)]`, `[formControl]` and `formControlName` for `<iop-switch>` and `<iop-pet-friendly-toggle>`: the
 * form value is `checked` (a boolean), written to the element and read back on the switch's `change` event.
 * Copy this file into your app: iop-kit cannot ship Angular code (it would need Angular's build tooling and a
 * release per Angular version). Writing before the kit has loaded is fine: the element keeps the property.
 */
@Directive({
  selector: `iop-switch[ngModel], iop-switch[formControl], iop-switch[formControlName],
    iop-pet-friendly-toggle[ngModel], iop-pet-friendly-toggle[formControl], iop-pet-friendly-toggle[formControlName]`,
  providers: [
    { provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => SwitchValueAccessor), multi: true },
  ],
  host: { '(change)': 'changed()', '(focusout)': 'touched()' },
})
export class SwitchValueAccessor implements ControlValueAccessor {
  private readonly element: IopSwitch = inject<ElementRef<IopSwitch>>(ElementRef).nativeElement;
  private onChange: (checked: boolean) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: boolean | null): void {
    this.element.checked = value === true;
  }
  registerOnChange(callback: (checked: boolean) => void): void {
    this.onChange = callback;
  }
  registerOnTouched(callback: () => void): void {
    this.onTouched = callback;
  }
  setDisabledState(disabled: boolean): void {
    this.element.disabled = disabled;
  }
  protected changed(): void {
    this.onChange(this.element.checked);
  }
  protected touched(): void {
    this.onTouched();
  }
}
