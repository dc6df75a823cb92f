import { expect, oneEvent } from '@open-wc/testing';
import { forEachBackend, type Backend } from '../../../test/support/backends.js';
import { deadImageUrl } from '../../../test/support/images.js';
import { PartnerKitError } from '../../adapter/errors.js';
import { generateSeedData } from '../../adapter/memory/seed-data.js';
import { MemoryStore } from '../../adapter/memory/store.js';
import { currentAnnouncement } from '../../internal/live-region.js';
import type { InviteWizard, InviteWizardSubmission } from './invite-wizard.component.js';
import {
  $,
  $$,
  activeInWizard,
  button,
  chooseImage,
  click,
  contactNamed,
  dropImage,
  imageFile,
  NEW_CONTACT,
  partnersWithEmail,
  pickContact,
  recordCalls,
  setup,
  waitForHeading,
  until,
} from './invite-wizard.harness.test.js';
import { MAX_IMAGE_BYTES } from '../../domain/images.js';

/** A contact without images, so the Images step starts empty. */
const PLAIN_CONTACT = 'Rosa Bennett';

const preview = (wizard: InviteWizard, kind: 'photo' | 'logo') => $<HTMLImageElement>(wizard, `#image-${kind}-choose`)!.closest('.drop-zone')!.querySelector('img');
const error = (wizard: InviteWizard, kind: 'photo' | 'logo') => $(wizard, `#image-${kind}-error`)?.textContent ?? '';

async function toImages(wizard: InviteWizard, query = 'Rosa Benn'): Promise<void> {
  await pickContact(wizard, query);
  await click(wizard, 'Next');
  await waitForHeading(wizard, /General info/);
  await click(wizard, 'Next');
  await click(wizard, 'Next');
  await waitForHeading(wizard, /Images for/);
}

forEachBackend('<invite-wizard> images', (kind) => {
  it('uploads a chosen image through the adapter, previews it, and puts it on the new account', async () => {
    let uploads: unknown[][] = [];
    const { wizard, backend } = await setup(kind, { prepare: (backend: Backend) => (uploads = recordCalls(backend, 'uploadImage')) });
    await toImages(wizard);
    expect(preview(wizard, 'photo')).to.equal(null);
    await chooseImage(wizard, 'photo', await imageFile('image/png', 'me.png'));
    await until(() => $(wizard, '#image-photo-status') === null && uploads.length === 1, 'uploaded');
    const img = preview(wizard, 'photo')!;
    expect(img.src).to.match(/^blob:/);
    expect(img.alt).to.equal('Profile photo preview');
    expect(uploads[0]![1]).to.equal('photo');
    await until(() => currentAnnouncement() === 'The Profile photo was uploaded.', 'announced');
    await dropImage(wizard, 'logo', await imageFile('image/webp', 'logo.webp'));
    await until(() => uploads.length === 2 && $(wizard, '#image-logo-status') === null, 'the dropped logo uploaded');
    expect(uploads[1]![1]).to.equal('logo');
    expect(preview(wizard, 'logo')!.src).to.match(/^blob:/);

    await click(wizard, 'Next');
    $<HTMLInputElement>(wizard, '#send-no')!.click();
    await click(wizard, 'Confirm and Create Account');
    await waitForHeading(wizard, /account was created/);
    const partner = partnersWithEmail(backend, contactNamed(backend, PLAIN_CONTACT).email!)[0]!;
    expect(partner.profile.photoUrl).to.match(/^https:\/\/media\.partner-kit\.example\/uploads\/photos\/.+\.png$/);
    expect(partner.profile.logoUrl).to.match(/\/uploads\/logos\/.+\.webp$/);
  });

  it('rejects anything but PNG, JPEG or WebP, and images over 5 MB, with a clear message, before any upload', async () => {
    let uploads: unknown[][] = [];
    const { wizard } = await setup(kind, { prepare: (backend: Backend) => (uploads = recordCalls(backend, 'uploadImage')) });
    await toImages(wizard);
    await chooseImage(wizard, 'photo', new File(['GIF89a'], 'anim.gif', { type: 'image/gif' }));
    await until(() => error(wizard, 'photo').includes('“anim.gif” is not a PNG, JPEG or WebP image'), 'wrong type');
    const choose = $(wizard, '#image-photo-choose')!;
    expect(choose.getAttribute('aria-describedby')).to.contain('image-photo-error');
    await until(() => currentAnnouncement('assertive').includes('anim.gif'), 'announced');

    // The name says PNG, the bytes do not.
    await chooseImage(wizard, 'photo', new File(['%PDF-1.7 not an image'], 'scan.png', { type: 'image/png' }));
    await until(() => error(wizard, 'photo').includes('“scan.png” is not a PNG'), 'a renamed file');

    const big = await imageFile('image/jpeg', 'huge.jpg', MAX_IMAGE_BYTES + 1);
    await chooseImage(wizard, 'photo', big);
    await until(() => error(wizard, 'photo').includes('“huge.jpg” is 5 MB; images can be at most 5 MB'), `too big: ${error(wizard, 'photo')}`);

    await chooseImage(wizard, 'photo', new File([], 'empty.png', { type: 'image/png' }));
    await until(() => error(wizard, 'photo').includes('“empty.png” is empty'), 'empty');
    expect(uploads).to.have.length(0);
    expect(preview(wizard, 'photo')).to.equal(null);

    // A good file clears the message; a bad one afterwards keeps the good image.
    await chooseImage(wizard, 'photo', await imageFile('image/jpeg', 'ok.jpg', MAX_IMAGE_BYTES));
    await until(() => uploads.length === 1 && error(wizard, 'photo') === '', 'accepted at exactly 5 MB');
    await chooseImage(wizard, 'photo', new File(['x'], 'notes.txt', { type: 'text/plain' }));
    await until(() => error(wizard, 'photo') !== '', 'rejected');
    expect(preview(wizard, 'photo')).not.to.equal(null);
  });

  it('revokes the preview URL when the image is removed, and forgets its URL', async () => {
    const { wizard } = await setup(kind);
    await toImages(wizard);
    await chooseImage(wizard, 'photo', await imageFile('image/png', 'me.png'));
    await until(() => preview(wizard, 'photo') !== null && $(wizard, '#image-photo-status') === null, 'uploaded');
    const url = preview(wizard, 'photo')!.src;
    const revoked: string[] = [];
    const original = URL.revokeObjectURL;
    URL.revokeObjectURL = (value: string) => {
      revoked.push(value);
      original.call(URL, value);
    };
    try {
      await click(wizard, 'Remove image');
      expect(revoked).to.deep.equal([url]);
      expect(preview(wizard, 'photo')).to.equal(null);
      await until(() => activeInWizard(wizard)?.id === 'image-photo-choose', 'focus back on Choose');
      await click(wizard, 'Next');
      expect($(wizard, '.summary')!.textContent).not.to.contain('Profile photo');
    } finally {
      URL.revokeObjectURL = original;
    }
  });

  it('revokes preview URLs when the wizard is disconnected', async () => {
    const { wizard } = await setup(kind);
    await toImages(wizard);
    await chooseImage(wizard, 'photo', await imageFile('image/png', 'me.png'));
    await until(() => preview(wizard, 'photo') !== null, 'previewed');
    const url = preview(wizard, 'photo')!.src;
    const revoked: string[] = [];
    const original = URL.revokeObjectURL;
    URL.revokeObjectURL = (value: string) => revoked.push(value);
    try {
      wizard.remove();
      expect(revoked).to.deep.equal([url]);
    } finally {
      URL.revokeObjectURL = original;
    }
  });

  it('shows an upload failure with a retry that reuses the upload key', async () => {
    let keys: string[] = [];
    const { wizard } = await setup(kind, {
      prepare: (backend: Backend) => {
        const memory = backend.memory as unknown as { uploadImage: (...args: unknown[]) => Promise<unknown> };
        const original = memory.uploadImage;
        memory.uploadImage = async (...args) => {
          keys.push((args[2] as { idempotencyKey: string }).idempotencyKey);
          if (keys.length === 1) throw new PartnerKitError('network', 'Upload dropped.');
          return original(...args);
        };
      },
    });
    await toImages(wizard);
    await chooseImage(wizard, 'photo', await imageFile('image/png', 'me.png'));
    await until(() => error(wizard, 'photo').includes('The image could not be uploaded.'), `the failure is shown: ${error(wizard, 'photo')} keys ${keys.length} status ${$(wizard, '#image-photo-status')?.textContent}`);
    expect(preview(wizard, 'photo'), 'the chosen image is kept').not.to.equal(null);
    await click(wizard, 'Retry upload');
    await until(() => keys.length === 2 && error(wizard, 'photo') === '', 'retried');
    expect(keys[1]).to.equal(keys[0]);
    expect(button(wizard, 'Retry upload')).to.equal(null);
    keys = [];
  });

  it('uploads at confirmation what failed before, and keeps the image when it fails again', async () => {
    let failing = true;
    const { wizard, backend } = await setup(kind, {
      prepare: (backend: Backend) => {
        const memory = backend.memory as unknown as { uploadImage: (...args: unknown[]) => Promise<unknown> };
        const original = memory.uploadImage;
        memory.uploadImage = async (...args) => {
          if (failing) throw new PartnerKitError('network', 'Upload dropped.');
          return original(...args);
        };
      },
    });
    await toImages(wizard);
    await chooseImage(wizard, 'photo', await imageFile('image/png', 'me.png'));
    await until(() => error(wizard, 'photo') !== '', 'failed');
    await click(wizard, 'Next');
    $<HTMLInputElement>(wizard, '#send-yes')!.click();
    await click(wizard, 'Confirm and Create Account');
    await until(() => $(wizard, '#step-error')?.textContent?.includes('An image could not be uploaded') === true, 'the submit explains');
    expect(partnersWithEmail(backend, contactNamed(backend, PLAIN_CONTACT).email!)).to.have.length(0);
    failing = false;
    await click(wizard, 'Confirm and Create Account');
    await waitForHeading(wizard, /account was created/);
    expect(partnersWithEmail(backend, contactNamed(backend, PLAIN_CONTACT).email!)[0]!.profile.photoUrl).to.match(/\.png$/);
  });

  it('pre-fills the images of the contact, and says so when one cannot be shown', async () => {
    const data = generateSeedData({ seed: 1 });
    const target = data.contacts.find((entry) => `${entry.firstName} ${entry.lastName}` === NEW_CONTACT)!;
    // Images that cannot be loaded: the previews fail.
    target.profile.photoUrl = deadImageUrl('photo');
    target.profile.logoUrl = deadImageUrl('logo');
    const { wizard, backend } = await setup(kind, { memory: { store: new MemoryStore({ data }) } });
    const contact = contactNamed(backend, NEW_CONTACT);
    await toImages(wizard, 'Siobhan And');
    await until(() => $$(wizard, '.image-placeholder:not([hidden])').length === 2, 'both previews fail to load');
    expect($$<HTMLImageElement>(wizard, 'img.image-preview').every((image) => image.hidden && getComputedStyle(image).display === 'none')).to.equal(true);
    expect($$(wizard, '.image-placeholder:not([hidden])').map((item) => item.textContent)).to.deep.equal([
      'The current image cannot be shown.',
      'The current image cannot be shown.',
    ]);
    expect($$(wizard, 'button').filter((item) => item.textContent!.trim() === 'Replace image')).to.have.length(2);
    await click(wizard, 'Next');
    $<HTMLInputElement>(wizard, '#send-no')!.click();
    const submitted = oneEvent<CustomEvent<InviteWizardSubmission>>(wizard, 'pk-before-submit');
    await click(wizard, 'Confirm and Create Account');
    const { detail } = await submitted;
    expect(detail.action === 'create-account' && detail.input.profile.photoUrl).to.equal(contact.profile.photoUrl);
    expect(detail.action === 'create-account' && detail.input.profile.logoUrl).to.equal(contact.profile.logoUrl);
  });
});
