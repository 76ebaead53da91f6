import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { ConformanceComponent } from './app/conformance.component';

// ?conformance=before|after: the conformance fixture (test/e2e/frameworks.test.ts), rendered before the kit
// loads or after every tag is defined. Otherwise the portal page, which loads the kit after its first render.
const conformance = new URLSearchParams(location.search).get('conformance');
const providers = [provideZonelessChangeDetection()];
if (conformance === 'after') {
  await import('./app/kit');
  await bootstrapApplication(ConformanceComponent, { providers });
} else if (conformance === 'before') {
  await bootstrapApplication(ConformanceComponent, { providers });
} else {
  await bootstrapApplication(AppComponent, { providers });
}
