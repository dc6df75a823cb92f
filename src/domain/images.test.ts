import { expect } from '@open-wc/testing';
import { checkImageFile, IMAGE_ACCEPT, MAX_IMAGE_BYTES, MAX_IMAGE_MEGABYTES, sniffImageType } from './images.js';

describe('profile image files', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);

  it('recognises PNG, JPEG and WebP by their first bytes', () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).to.equal('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xdb))).to.equal('image/jpeg');
    expect(sniffImageType(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).to.equal('image/webp');
    expect(sniffImageType(bytes(0x47, 0x49, 0x46, 0x38))).to.equal(null);
    expect(sniffImageType(bytes())).to.equal(null);
  });

  it('checks type, bytes, emptiness and the 5 MB limit', async () => {
    const png = (size: number) => {
      const data = new Uint8Array(size);
      data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      return new File([data], 'a.png', { type: 'image/png' });
    };
    expect(await checkImageFile(png(100))).to.equal(null);
    expect(await checkImageFile(png(MAX_IMAGE_BYTES))).to.equal(null);
    expect(await checkImageFile(png(MAX_IMAGE_BYTES + 1))).to.equal('size');
    expect(await checkImageFile(new File([], 'a.png', { type: 'image/png' }))).to.equal('empty');
    expect(await checkImageFile(new File(['<svg/>'], 'a.svg', { type: 'image/svg+xml' }))).to.equal('type');
    expect(await checkImageFile(new File(['not a png'], 'a.png', { type: 'image/png' }))).to.equal('type');
  });

  it('accepts PNG, JPEG and WebP in the file picker, up to 5 MB', () => {
    expect(IMAGE_ACCEPT).to.equal('image/png,image/jpeg,image/webp');
    expect(MAX_IMAGE_BYTES).to.equal(MAX_IMAGE_MEGABYTES * 1024 * 1024);
    expect(MAX_IMAGE_MEGABYTES).to.equal(5);
  });
});
