import css from './enhanced.css?inline';

// First of the module's imports, so that these rules are in place before any element is defined (and so
// before anything they style can render).
document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
