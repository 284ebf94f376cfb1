import { describe, expect, it } from 'vitest';
import { PYTHON_BASE_IMAGE, PYTHON_RECIPE, pythonRecipeHash } from './python-base-image.js';

describe('the Python base image recipe', () => {
  it('is Debian bookworm with python3 and the libraries Abaco actors use', () => {
    expect(PYTHON_BASE_IMAGE).toBe('actorkit/python:3.11');
    expect(PYTHON_RECIPE.suite).toBe('bookworm');
    expect([...PYTHON_RECIPE.packages, ...PYTHON_RECIPE.aptPackages]).toEqual(
      expect.arrayContaining([
        'python3',
        'python3-requests',
        'python3-certifi',
        'python3-cloudpickle',
        'python3-debugpy',
      ]),
    );
  });

  it('has a stable hash: the same recipe is the same image', () => {
    expect(pythonRecipeHash()).toBe(pythonRecipeHash());
    expect(pythonRecipeHash()).toMatch(/^[0-9a-f]{64}$/);
  });
});
