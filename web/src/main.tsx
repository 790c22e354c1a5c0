import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorker } from './app/service-worker';
import { applyTheme, storedTheme } from './app/theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';
import './styles/lists.css';
import './styles/single-sign-on.css';

// Before the first render, so a dark choice never flashes light.
applyTheme(storedTheme());
registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
