// Browser tests see the app's real styles, so "visible" means what a person would see
// (a skeleton has height, an sr-only label has none).
import '../index.css';
