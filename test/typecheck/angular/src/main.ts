import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { PayComponent } from './pay.component';

bootstrapApplication(PayComponent, { providers: [provideZonelessChangeDetection()] });
