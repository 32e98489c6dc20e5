// A teacher's bundled page: importing the package's figures defines the <digitlab-…> elements.
import { DrawPadElement, NetworkElement } from 'digitlab/embed';

document.body.dataset.defined = String(customElements.get('digitlab-draw-pad') === DrawPadElement && customElements.get('digitlab-network') === NetworkElement);
