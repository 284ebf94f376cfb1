"""Puts a certifi in /usr/local/lib/python3.11/dist-packages as pip would: its own cacert.pem, first on sys.path."""
import os
import shutil

target = '/usr/local/lib/python3.11/dist-packages/certifi'
os.makedirs(target)
shutil.copyfile('/etc/ssl/certs/ca-certificates.crt', os.path.join(target, 'cacert.pem'))
with open(os.path.join(target, '__init__.py'), 'w') as f:
    f.write('from .core import contents, where\n__version__ = "2024.2.2"\n')
with open(os.path.join(target, 'core.py'), 'w') as f:
    f.write(
        'import os\n'
        'def where():\n'
        '    return os.path.join(os.path.dirname(__file__), "cacert.pem")\n'
        'def contents():\n'
        '    with open(where()) as f:\n'
        '        return f.read()\n'
    )
