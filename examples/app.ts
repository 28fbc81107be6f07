import { createExampleApp } from './scenarios';

createExampleApp().synth();
